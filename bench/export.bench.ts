/**
 * PDF export timing: starts the production app (bin/app-server.ts) over a copy of the corpus, warms
 * it up (analysis caches, Chromium, a print tab), then times N sequential exports of the seed
 * comparison through GET /api/export and prints median and p95 as one JSON line.
 * `npx tsx bench/export.bench.ts [N] [paper]`. Only loopback is ever targeted.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, startApp } from '../bin/app-server';

const runs = Number(process.argv[2] ?? 10);
const paper = process.argv[3] === 'letter' ? 'letter' : 'a4';
const QUERIES: Record<string, string> = {
  two: 'articles=000_aa3b1d39a0c4470b,003_0702bf80221a2f16',
  three: 'articles=000_aa3b1d39a0c4470b,002_5e2392d7e9ddb078,003_0702bf80221a2f16',
};

const corpusDir = await fs.mkdtemp(path.join(os.tmpdir(), 'parallax-export-bench-'));
await fs.cp(path.join(ROOT, 'corpus'), corpusDir, { recursive: true });
const app = await startApp({ corpusDir, onBuild: () => console.error('building the app first…') });
if (!new URL(app.url).hostname.startsWith('127.')) throw new Error('the export bench only targets loopback');

/** One export; returns milliseconds, after checking that a PDF came back. */
async function exportOnce(query: string): Promise<{ ms: number; bytes: number }> {
  const t0 = performance.now();
  const res = await fetch(`${app.url}/api/export?${query}&paper=${paper}`);
  const body = new Uint8Array(await res.arrayBuffer());
  const ms = performance.now() - t0;
  if (res.status !== 200 || res.headers.get('content-type') !== 'application/pdf' || Buffer.from(body.subarray(0, 5)).toString() !== '%PDF-') {
    throw new Error(`export answered ${res.status} ${res.headers.get('content-type')}: ${Buffer.from(body.subarray(0, 300)).toString()}`);
  }
  return { ms, bytes: body.length };
}

function pct(sorted: number[], p: number): number {
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN);
}

try {
  for (const [name, query] of Object.entries(QUERIES)) {
    // Warm-up: fills the comparison cache, launches Chromium and opens the spare print tab.
    for (let i = 0; i < 2; i++) await exportOnce(query);
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < runs; i++) {
      const r = await exportOnce(query);
      times.push(r.ms);
      bytes = r.bytes;
    }
    times.sort((a, b) => a - b);
    console.log(
      JSON.stringify({
        bench: 'export',
        comparison: name,
        paper,
        runs,
        medianMs: pct(times, 50),
        p95Ms: pct(times, 95),
        minMs: Math.round(times[0] ?? NaN),
        kb: Math.round(bytes / 1024),
        loadAverage: os.loadavg().map((l) => Number(l.toFixed(1))),
        cpus: os.cpus().length,
      }),
    );
  }
} finally {
  await app.stop();
  await fs.rm(corpusDir, { recursive: true, force: true });
}
