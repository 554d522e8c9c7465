/**
 * Maximum-weight one-to-one assignment (Hungarian method, O(n²·m)) for sentence matching between two
 * articles: picks the set of links with the best total similarity instead of letting one greedy pick
 * steal the partner a second sentence needed.
 */

/**
 * Returns, for each row `i` of `weights` (n rows × m columns, any shape), the column assigned to it or
 * -1. Only pairs with a positive weight are ever reported as assigned.
 */
export function maxWeightAssignment(weights: readonly (readonly number[])[]): number[] {
  const n = weights.length;
  const m = n === 0 ? 0 : Math.max(...weights.map((r) => r.length));
  if (n === 0 || m === 0) return new Array<number>(n).fill(-1);
  // The textbook algorithm wants rows ≤ columns; transpose when it is the other way round.
  if (n > m) {
    const transposed = Array.from({ length: m }, (_, j) => Array.from({ length: n }, (_, i) => weights[i]?.[j] ?? 0));
    const byColumn = maxWeightAssignment(transposed);
    const result = new Array<number>(n).fill(-1);
    byColumn.forEach((i, j) => {
      if (i >= 0) result[i] = j;
    });
    return result;
  }
  // Minimise cost = -weight with potentials u (rows) and v (columns); 1-based as in the classic form.
  const cost = (i: number, j: number) => -(weights[i - 1]?.[j - 1] ?? 0);
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(m + 1).fill(0);
  const p = new Array<number>(m + 1).fill(0); // p[j]: row matched to column j
  const way = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Array<number>(m + 1).fill(Infinity);
    const used = new Array<boolean>(m + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = p[j0]!;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = cost(i0, j) - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[p[j]!] = u[p[j]!]! + delta;
          v[j] = v[j]! - delta;
        } else {
          minv[j] = minv[j]! - delta;
        }
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  const result = new Array<number>(n).fill(-1);
  for (let j = 1; j <= m; j++) {
    const i = p[j]!;
    if (i > 0 && (weights[i - 1]?.[j - 1] ?? 0) > 0) result[i - 1] = j - 1;
  }
  return result;
}
