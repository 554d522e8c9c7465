/**
 * A memo of a pure function of one key, bounded for a long-running server: past `max` entries it
 * starts again empty. A corpus repeats its words, names and dates, so the keys that matter come back
 * at once. `compute` never returns undefined (that is how a missing entry reads).
 */
export function boundedMemo<K, V>(compute: (key: K) => V, max = 50_000): (key: K) => V {
  const memo = new Map<K, V>();
  return (key: K): V => {
    let value = memo.get(key);
    if (value === undefined) {
      if (memo.size >= max) memo.clear();
      memo.set(key, (value = compute(key)));
    }
    return value;
  };
}
