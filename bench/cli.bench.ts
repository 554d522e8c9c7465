/**
 * The `analyze` command as a user runs it: `parallax analyze DIR --json > file` on a synthetic corpus
 * written to a temporary folder (the files the loader reads: Markdown with front matter), so the
 * figure includes starting Node and loading the command, reading and parsing every file, the analysis,
 * and writing the JSON report. `npx tsx bench/cli.bench.ts [MB] [runs]` (default 10 MB, 2 runs: the
 * first also pays bundling the command's sources when they changed since its last run, see
 * bin/cli-bundle.js).
 *
 * CPU time and peak memory come from the command's own processes (a preload script appends each
 * one's as it exits; on one core the command runs itself again, see bin/one-core.js, so there are two:
 * CPU is their sum, memory the larger peak), so other work on the machine shows in wall time only.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { syntheticCorpus } from './synthetic';

const mb = Number(process.argv[2] ?? '10');
const runs = Math.max(1, Number(process.argv[3] ?? '2'));
const root = path.resolve(import.meta.dirname, '..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'parallax-cli-bench-'));
const corpus = path.join(dir, 'corpus');
const out = path.join(dir, 'report.json');
const usage = path.join(dir, 'usage.jsonl');
const preload = path.join(dir, 'usage.cjs');

try {
  let bytes = 0;
  const articles = syntheticCorpus(mb * 1024 * 1024, 7, 0.25, { dates: 'events' });
  spawnSync('mkdir', ['-p', corpus]);
  for (const a of articles) {
    const front = ['---', `outlet: ${JSON.stringify(a.outlet ?? 'unknown')}`, ...(a.published ? [`published: ${a.published}`] : []), '---', ''].join('\n');
    writeFileSync(path.join(corpus, `${a.id}.md`), front + a.text);
    bytes += Buffer.byteLength(a.text);
  }
  writeFileSync(
    preload,
    `process.on('exit', () => { const u = process.resourceUsage(); require('node:fs').appendFileSync(${JSON.stringify(usage)}, JSON.stringify({ cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, maxRssKiB: u.maxRSS }) + '\\n'); });\n`,
  );
  const MB = bytes / 1024 / 1024;
  for (let r = 0; r < runs; r++) {
    writeFileSync(usage, '');
    const t0 = performance.now();
    const child = spawnSync(process.execPath, ['--require', preload, path.join(root, 'bin', 'parallax.js'), 'analyze', corpus, '--json'], {
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 4 * 1024 ** 3,
      env: { ...process.env, PARALLAX_ROOT: root },
    });
    const wallMs = performance.now() - t0;
    if (child.status !== 0) throw new Error(`parallax analyze exited with ${child.status}`);
    writeFileSync(out, child.stdout);
    const processes = readFileSync(usage, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { cpuMs: number; maxRssKiB: number });
    const cpuMs = processes.reduce((sum, p) => sum + p.cpuMs, 0);
    const maxRssKiB = Math.max(...processes.map((p) => p.maxRssKiB));
    console.log(
      JSON.stringify({
        bench: 'cli-analyze',
        run: r + 1,
        corpusMB: Number(MB.toFixed(2)),
        files: articles.length,
        processes: processes.length,
        reportMB: Number((statSync(out).size / 1024 / 1024).toFixed(1)),
        wallSeconds: Number((wallMs / 1000).toFixed(2)),
        wallMBps: Number((MB / (wallMs / 1000)).toFixed(2)),
        cpuSeconds: Number((cpuMs / 1000).toFixed(2)),
        cpuMBps: Number((MB / (cpuMs / 1000)).toFixed(2)),
        peakRssMiB: Math.round(maxRssKiB / 1024),
      }),
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
