/**
 * Load check: 30 concurrent clients open the seed comparison page for 60 s on loopback against a
 * production server (`next start`), and report requests per second, latency percentiles and errors.
 * `npx tsx bench/load.bench.ts [clients] [seconds]`. Only loopback is ever targeted.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, startApp } from '../bin/app-server';

const clients = Number(process.argv[2] ?? 30);
const seconds = Number(process.argv[3] ?? 60);
const PAGE = '/compare?articles=000_aa3b1d39a0c4470b,003_0702bf80221a2f16';

const corpusDir = await fs.mkdtemp(path.join(os.tmpdir(), 'parallax-load-'));
await fs.cp(path.join(ROOT, 'corpus'), corpusDir, { recursive: true });
const app = await startApp({ corpusDir, onBuild: () => console.error('building the app first…') });
if (!new URL(app.url).hostname.startsWith('127.')) throw new Error('the load check only targets loopback');

try {
  // Warm-up: the first request fills the analysis and comparison caches.
  for (let i = 0; i < 3; i++) await (await fetch(`${app.url}${PAGE}`)).text();
  const latencies: number[] = [];
  const errors = new Map<string, number>();
  const deadline = performance.now() + seconds * 1000;
  const client = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      try {
        const res = await fetch(`${app.url}${PAGE}`, { signal: AbortSignal.timeout(10_000) });
        const body = await res.text();
        if (!res.ok || !body.includes('data-row')) errors.set(`HTTP ${res.status}`, (errors.get(`HTTP ${res.status}`) ?? 0) + 1);
        else latencies.push(performance.now() - t0);
      } catch (e) {
        const key = e instanceof Error ? e.name : 'error';
        errors.set(key, (errors.get(key) ?? 0) + 1);
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, client));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN);
  console.log(
    JSON.stringify({
      bench: 'load',
      page: PAGE,
      clients,
      seconds: Number(elapsed.toFixed(1)),
      requests: latencies.length,
      requestsPerSecond: Number((latencies.length / elapsed).toFixed(1)),
      p50ms: pct(50),
      p95ms: pct(95),
      p99ms: pct(99),
      errors: Object.fromEntries(errors),
    }),
  );
} finally {
  await app.stop();
  await fs.rm(corpusDir, { recursive: true, force: true });
}
