/**
 * Starts the Next.js app for programs that need the rendered pages (PDF export, end-to-end tests):
 * builds it when the build is missing or older than the sources, then runs the production server
 * (bin/server.ts: Next.js's request handler behind the page cache) on a free loopback port over a
 * chosen corpus folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NEXT_BIN = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
const SERVER = path.join(ROOT, 'bin', 'server.ts');

/** Sources whose change makes a build stale. */
const SOURCES = ['app', 'lib', 'next.config.js', 'postcss.config.mjs', 'package.json', 'tsconfig.json'];

/** The newest modification time under a path (a file, or a folder walked recursively). */
function newestMtime(p: string): number {
  let st;
  try {
    st = statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  // Synchronous on purpose: this runs once per start, over a few hundred files.
  for (const name of readdirSync(p)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(p, name)));
  }
  return newest;
}

/** True when .next has no build, or a source file is newer than the build. */
export function buildIsStale(): boolean {
  const built = newestMtime(path.join(ROOT, '.next', 'BUILD_ID'));
  if (!built) return true;
  return SOURCES.some((s) => newestMtime(path.join(ROOT, s)) > built);
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; log: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [NEXT_BIN, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, log }));
  });
}

/** Runs `next build`; throws with the end of its output when it fails. */
export async function buildApp(): Promise<void> {
  const { code, log } = await run(['build'], { ...process.env, NEXT_TELEMETRY_DISABLED: '1' });
  if (code !== 0) throw new Error(`next build failed (exit ${code}):\n${log.slice(-4000)}`);
}

const BUILD_LOCK = path.join(ROOT, '.next-build.lock');
const STALE_LOCK_MS = 15 * 60_000;

/**
 * Builds when stale, one builder at a time: two test runs or exports starting together would
 * otherwise write into the same .next folder at once. The lock is a folder (mkdir is atomic).
 */
export async function ensureBuilt(onBuild?: () => void): Promise<void> {
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      break;
    } catch {
      try {
        if (Date.now() - statSync(BUILD_LOCK).mtimeMs > STALE_LOCK_MS) rmSync(BUILD_LOCK, { recursive: true, force: true });
      } catch {
        // released meanwhile
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try {
    if (buildIsStale()) {
      onBuild?.();
      await buildApp();
    }
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no free port'))));
    });
  });
}

export interface RunningApp {
  url: string;
  /** The server's process id (benchmarks read its CPU time). */
  pid: number;
  stop: () => Promise<void>;
}

export interface StartOptions {
  /** The corpus folder the app serves (PARALLAX_CORPUS). */
  corpusDir: string;
  /** Called before a build starts, which takes a minute or two. */
  onBuild?: () => void;
}

/** Starts the production server on loopback and waits until the library page (which runs the analysis) answers. */
export async function startApp({ corpusDir, onBuild }: StartOptions): Promise<RunningApp> {
  await ensureBuilt(onBuild);
  const port = await freePort();
  // tsx runs the server's TypeScript in the same process, so the pid is the server's own.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', SERVER, '-p', String(port), '-H', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...process.env, PARALLAX_CORPUS: corpusDir, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so stopping ends next and anything it spawned (Chromium), by this id only.
    detached: true,
  });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-8000)));
  child.stderr?.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-8000)));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || !child.pid) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    const signal = (sig: NodeJS.Signals) => {
      try {
        if (child.pid) process.kill(-child.pid, sig);
      } catch {
        // already gone
      }
    };
    signal('SIGTERM');
    const timer = setTimeout(() => signal('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app server exited with ${child.exitCode}:\n${log.slice(-4000)}`);
    try {
      if ((await fetch(`${url}/`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the app server did not answer within 90 s:\n${log.slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, pid: child.pid!, stop };
}
