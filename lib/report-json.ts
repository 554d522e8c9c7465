/**
 * A report as JSON text in pieces: joined, they equal `JSON.stringify(value, null, indent)`. The
 * report of a large corpus is larger than one JavaScript string may be (V8's limit is about 512 MB:
 * some 45 MB of articles in compact JSON, less indented), so a caller writes the pieces as they come
 * instead of building the whole text. Each element of a top-level array is one piece.
 */

/** JSON text of `value` in pieces (see the module comment); `indent` as JSON.stringify's space argument (0: compact). */
export function* jsonPieces(value: object, indent = 0): Generator<string> {
  if (Array.isArray(value) || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    yield JSON.stringify(value, null, indent);
    return;
  }
  const gap = ' '.repeat(indent);
  // Each nested text comes from JSON.stringify at depth 0; a raw line break only ever separates its
  // lines (one inside a string is escaped), so adding the outer indentation after each is exact.
  const nest = (text: string, depth: number) => (indent > 0 ? text.replaceAll('\n', `\n${gap.repeat(depth)}`) : text);
  const open = (depth: number) => (indent > 0 ? `\n${gap.repeat(depth)}` : '');
  const colon = indent > 0 ? ': ' : ':';
  let first = true;
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    // Left out, as JSON.stringify leaves them out of an object.
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    const whole = Array.isArray(v) && v.length > 0 ? null : (JSON.stringify(v, null, indent) as string | undefined);
    // A toJSON that gives undefined leaves the key out too.
    if (whole === undefined) continue;
    const head = `${first ? '{' : ','}${open(1)}${JSON.stringify(key)}${colon}`;
    first = false;
    if (whole !== null) {
      yield head + nest(whole, 1);
      continue;
    }
    yield `${head}[`;
    for (let i = 0; i < (v as unknown[]).length; i++) {
      // JSON.stringify writes null for what it cannot write inside an array.
      const item = (JSON.stringify((v as unknown[])[i], null, indent) as string | undefined) ?? 'null';
      yield `${i > 0 ? ',' : ''}${open(2)}${nest(item, 2)}`;
    }
    yield `${open(1)}]`;
  }
  yield first ? '{}' : `${open(0)}}`;
}
