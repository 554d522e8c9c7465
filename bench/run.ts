/**
 * `npm run bench`: runs every benchmark in its own process (so peak memory is per benchmark) and
 * prints one JSON line per result. Figures go into the issue notes; tests never assert timings.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const here = import.meta.dirname;
const only = process.argv.slice(2);
const benches: [string, string[]][] = [
  ['analyze.bench.ts', ['1']],
  ['analyze.bench.ts', ['10']],
  // Real news (BASIL, read in place) after the synthetic worst case; 4 runs to show the warm figure too.
  ['analyze.bench.ts', ['1', '4', '--basil']],
  // The command as a user runs it: start-up, reading the files, the analysis and the JSON written out.
  ['cli.bench.ts', ['10', '2']],
  ['boilerplate.bench.ts', []],
  // What the analysis keeps alive past a young-generation GC: where a first run's GC time goes.
  ['survivors.bench.ts', ['10']],
  ['events.bench.ts', []],
  ['compare.bench.ts', []],
  ['candidates.bench.ts', []],
  ['load.bench.ts', []],
];

let failed = 0;
for (const [file, args] of benches) {
  const name = file.replace(/\.bench\.ts$/, '');
  if (only.length && !only.includes(name)) continue;
  const full = path.join(here, file);
  if (!existsSync(full)) continue;
  console.error(`\n# ${name} ${args.join(' ')}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', full, ...args], { stdio: 'inherit', env: process.env });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
