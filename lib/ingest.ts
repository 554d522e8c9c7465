/**
 * Ingest: turns the bytes of one file (plus an optional metadata sidecar) into an ArticleInput or a
 * LoadError that names the file, the reason and what to do. Pure: the corpus module does the disk I/O.
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { ArticleInput, LoadError } from './types';

/** Files larger than this are refused before they are read (the CLI and the API share it). */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

/** Extensions the loader reads as articles. */
export const ARTICLE_EXTENSIONS = ['.txt', '.md', '.markdown'] as const;

export const PLAIN_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

const isoDate = z
  .union([z.string(), z.date()])
  .transform((v, ctx) => {
    const s = v instanceof Date ? v.toISOString().slice(0, 10) : v.trim();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(Date.parse(`${s}T00:00:00Z`)) || new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) !== s) {
      ctx.addIssue({ code: 'custom', message: `"${s}" is not a date of the form YYYY-MM-DD (for example 2018-07-06)` });
      return z.NEVER;
    }
    return s;
  });

/** Metadata as it may appear in front matter or a `.meta.json` sidecar. */
export const metadataSchema = z
  .object({
    title: z.string().trim().min(1).max(500).optional(),
    outlet: z.string().trim().min(1).max(200).optional(),
    published: isoDate.optional().nullable(),
    url: z.url({ protocol: /^https?$/ }).max(2000).optional().nullable(),
    language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/).optional(),
  })
  .passthrough();

export type Metadata = z.infer<typeof metadataSchema>;

/** Describes zod issues as "field: message" for a person. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => `${i.path.length ? i.path.join('.') : '(top level)'}: ${i.message}`)
    .join('; ');
}

/** Derives a plain article id from a file name: the name without extension, made plain if needed. */
export function idFromFileName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  if (PLAIN_ID.test(base)) return base;
  const slug = base
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .slice(0, 100);
  return slug || 'article';
}

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

// One `key: value` line of the simple front matter `simpleFrontMatter` reads.
const SIMPLE_LINE = /^([A-Za-z][A-Za-z0-9_-]*): +(.*?) *$/;
// Characters after which the simple reading stops (YAML treats some as breaks, others as not printable).
const NOT_SIMPLE = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff]/;
// Plain values the YAML core schema reads as null or a boolean rather than a string.
const CORE_WORDS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);

/**
 * Front matter made only of `key: value` lines whose values YAML reads as strings (quoted without
 * escapes, or plain words: `outlet: Press TV`, `published: 2018-07-06`, a URL), read without the YAML
 * parser, which costs about 0.4 ms a file (a second for a folder of 2,500 articles); null for anything
 * else (comments, lists, numbers, several lines to one value...), which the YAML parser then reads.
 * Where it gives an object, it is the one `parseYaml(source, { schema: 'core' })` gives.
 */
export function simpleFrontMatter(source: string): Record<string, string> | null {
  if (source.length === 0 || NOT_SIMPLE.test(source)) return null;
  const out: Record<string, string> = {};
  for (const line of source.split('\n')) {
    const m = SIMPLE_LINE.exec(line);
    if (!m) return null;
    const key = m[1]!;
    const value = m[2]!;
    if (Object.hasOwn(out, key) || key === '__proto__') return null;
    const first = value.charCodeAt(0);
    if (first === 0x22 || first === 0x27) {
      // "…" or '…' with no quote mark or backslash inside: the text between them, as written.
      const quote = value[0]!;
      const inner = value.slice(1, -1);
      if (value.length < 2 || value.at(-1) !== quote || inner.includes(quote) || inner.includes('\\')) return null;
      out[key] = inner;
      continue;
    }
    // A plain value: it starts with a letter (a digit only for a YYYY-MM-DD date, since other digits may
    // make a number), holds no ": " (a nested mapping) or " #" (a comment) and does not end with ":".
    if (!/^(?:\p{L}|\d{4}-\d{2}-\d{2}$)/u.test(value) || value.includes(': ') || value.includes(' #') || value.endsWith(':')) return null;
    if (CORE_WORDS.has(value)) return null;
    out[key] = value;
  }
  return out;
}

type Ingested = { ok: true; article: ArticleInput } | { ok: false; error: LoadError };

/**
 * Decodes and checks one article file. `bytes` is the whole file; `sidecar` is the parsed JSON of a
 * `<id>.meta.json` beside a `.txt` file, when there is one.
 */
export function ingestArticle(file: string, bytes: Uint8Array, sidecar?: unknown): Ingested {
  const fail = (reason: string, hint: string): Ingested => ({ ok: false, error: { file, reason, hint } });
  if (bytes.length === 0) return fail('the file is empty', 'add the article text, or remove the file');
  if (bytes.length > MAX_ARTICLE_BYTES) {
    return fail(
      `the file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB, over the ${MAX_ARTICLE_BYTES / 1024 / 1024} MB limit for one article`,
      'split it into one file per article',
    );
  }
  if (bytes.includes(0)) return fail('the file is binary (it contains NUL bytes), not text', 'save the article as plain UTF-8 text (.txt) or Markdown (.md)');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('the file is not valid UTF-8 text', 're-save it with UTF-8 encoding (most editors offer "Save with encoding")');
  }
  let meta: Metadata = {};
  const isMarkdown = /\.(md|markdown)$/i.test(file);
  if (isMarkdown) {
    const fm = FRONT_MATTER.exec(text);
    if (fm) {
      let raw: unknown;
      try {
        raw = simpleFrontMatter(fm[1] ?? '') ?? parseYaml(fm[1] ?? '', { schema: 'core' }) ?? {};
      } catch (e) {
        const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
        return fail(`the front matter is not valid YAML (${msg})`, 'fix the lines between the two "---" markers: one "key: value" per line');
      }
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        return fail('the front matter is not a set of "key: value" lines', 'write title, outlet, published (YYYY-MM-DD) and url as "key: value" lines');
      }
      const parsed = metadataSchema.safeParse(raw);
      if (!parsed.success) return fail(`bad front matter: ${describeIssues(parsed.error)}`, 'correct that field, or remove it');
      meta = parsed.data;
      text = text.slice(fm[0].length);
    } else if (/^---[ \t]*\r?\n/.test(text)) {
      return fail('the front matter opens with "---" but never closes', 'add a closing "---" line after the metadata');
    }
  } else if (sidecar !== undefined) {
    const parsed = metadataSchema.safeParse(sidecar);
    if (!parsed.success) return fail(`bad metadata sidecar: ${describeIssues(parsed.error)}`, 'correct that field in the .meta.json file beside the article');
    meta = parsed.data;
  }
  if (text.trim().length === 0) return fail('the article text is blank (only white space)', 'add the article text, or remove the file');
  return {
    ok: true,
    article: {
      id: idFromFileName(file),
      source: file,
      text,
      outlet: meta.outlet ?? null,
      title: meta.title ?? null,
      published: meta.published ?? null,
      url: meta.url ?? null,
      language: meta.language ?? 'en',
    },
  };
}
