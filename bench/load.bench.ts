/**
 * Load check: 30 concurrent clients open the seed comparison page for 60 s on loopback against the
 * production server (bin/server.ts via bin/app-server.ts), and report requests per second, latency
 * percentiles and errors. A second run asks for the same page with a distinct `q=` on every request,
 * so each one misses the page cache and is rendered: both the cached and the uncached cost show.
 * `npx tsx bench/load.bench.ts [clients] [seconds] [miss-seconds]` (miss-seconds defaults to seconds;
 * 0 skips the second run). Only loopback is ever targeted.
 *
 * The clients run on the same machine as the server: besides wall-clock figures, it prints the CPU
 * time the server process and the client process spent per request, which noise from other work on
 * the machine affects far less.
 */
import { readFileSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, startApp } from '../bin/app-server';

const clients = Number(process.argv[2] ?? 30);
const seconds = Number(process.argv[3] ?? 60);
const missSeconds = Number(process.argv[4] ?? seconds);
const PAGE = '/compare?articles=000_aa3b1d39a0c4470b,003_0702bf80221a2f16';

/** CPU time (ms) a process has used so far, from /proc (Linux); null elsewhere. */
function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

function clientCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

interface RunResult {
  scenario: string;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  p50ms: number;
  p95ms: number;
  p99ms: number;
  errors: Record<string, number>;
  /** How the server answered, from its x-parallax-cache header. */
  cache: Record<string, number>;
  /** Response size as sent (gzip when the server compressed it) and as the client read it. */
  bytesOnWire: number;
  bytesDecoded: number;
  serverCpuMsPerRequest: number | null;
  clientCpuMsPerRequest: number;
  loadAverage: number[];
}

async function run(baseUrl: string, pid: number, scenario: string, duration: number, pathFor: (n: number) => string): Promise<RunResult> {
  const latencies: number[] = [];
  const errors = new Map<string, number>();
  const outcomes = new Map<string, number>();
  let wire = 0;
  let decoded = 0;
  let sequence = 0;
  const count = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  const server0 = processCpuMs(pid);
  const client0 = clientCpuMs();
  const started = performance.now();
  const deadline = started + duration * 1000;
  const client = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      try {
        const res = await fetch(`${baseUrl}${pathFor(sequence++)}`, { signal: AbortSignal.timeout(10_000) });
        const body = await res.text();
        if (!res.ok || !body.includes('data-row')) count(errors, `HTTP ${res.status}`);
        else {
          latencies.push(performance.now() - t0);
          count(outcomes, res.headers.get('x-parallax-cache') ?? 'none');
          wire = Number(res.headers.get('content-length') ?? NaN);
          decoded = Buffer.byteLength(body);
        }
      } catch (e) {
        count(errors, e instanceof Error ? e.name : 'error');
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  const elapsed = (performance.now() - started) / 1000;
  const server1 = processCpuMs(pid);
  const done = latencies.length + [...errors.values()].reduce((a, b) => a + b, 0);
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN);
  return {
    scenario,
    seconds: Number(elapsed.toFixed(1)),
    requests: latencies.length,
    requestsPerSecond: Number((latencies.length / elapsed).toFixed(1)),
    p50ms: pct(50),
    p95ms: pct(95),
    p99ms: pct(99),
    errors: Object.fromEntries(errors),
    cache: Object.fromEntries(outcomes),
    bytesOnWire: wire,
    bytesDecoded: decoded,
    serverCpuMsPerRequest: server0 === null || server1 === null ? null : Number(((server1 - server0) / Math.max(1, done)).toFixed(1)),
    clientCpuMsPerRequest: Number(((clientCpuMs() - client0) / Math.max(1, done)).toFixed(1)),
    loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
  };
}

const corpusDir = await fs.mkdtemp(path.join(os.tmpdir(), 'parallax-load-'));
await fs.cp(path.join(ROOT, 'corpus'), corpusDir, { recursive: true });
const app = await startApp({ corpusDir, onBuild: () => console.error('building the app first…') });
if (!new URL(app.url).hostname.startsWith('127.')) throw new Error('the load check only targets loopback');

try {
  // Warm-up. The corpus copy is seconds old, and the server stands its cache aside until files are
  // two seconds old (lib/corpus.ts dataStamp): wait for that, as a long-running server would have.
  let outcome = '';
  const warmDeadline = Date.now() + 15_000;
  while (outcome !== 'hit' && Date.now() < warmDeadline) {
    const res = await fetch(`${app.url}${PAGE}`);
    await res.text();
    outcome = res.headers.get('x-parallax-cache') ?? 'none';
    if (outcome !== 'hit') await new Promise((r) => setTimeout(r, 250));
  }
  console.error(`warm-up: last answer ${outcome}; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const base = { bench: 'load', page: PAGE, clients, cpus: os.cpus().length };
  console.log(JSON.stringify({ ...base, ...(await run(app.url, app.pid, 'same page (cached after the first request)', seconds, () => PAGE)) }));
  if (missSeconds > 0) {
    // A distinct q= per request: the same page to render, but a URL the cache has never seen.
    const stamp = Date.now().toString(36);
    console.log(JSON.stringify({ ...base, ...(await run(app.url, app.pid, 'distinct q= per request (every one rendered)', missSeconds, (n) => `${PAGE}&q=load-${stamp}-${n}`)) }));
  }
} finally {
  await app.stop();
  await fs.rm(corpusDir, { recursive: true, force: true });
}
