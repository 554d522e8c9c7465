/**
 * End-to-end server: builds the app when the build is missing or older than the sources, then runs
 * `next start` on a free port over a temporary copy of corpus/, so imports never touch the repo.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs, readdirSync, statSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
const NEXT_BIN = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');

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
  // Synchronous on purpose: this runs once, before any test, over a few hundred files.
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

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; log: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, log }));
  });
}

/** Runs `next build`; throws with the end of its output when it fails. */
export async function buildApp(): Promise<void> {
  const { code, log } = await run(process.execPath, [NEXT_BIN, 'build'], { ...process.env, NEXT_TELEMETRY_DISABLED: '1' });
  if (code !== 0) throw new Error(`next build failed (exit ${code}):\n${log.slice(-4000)}`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

export interface RunningServer {
  url: string;
  corpusDir: string;
  stop: () => Promise<void>;
}

/** Starts `next start` over a fresh copy of corpus/ and waits until it answers. */
export async function startServer(): Promise<RunningServer> {
  if (buildIsStale()) await buildApp();
  const corpusDir = await fs.mkdtemp(path.join(os.tmpdir(), 'parallax-e2e-corpus-'));
  await fs.cp(path.join(ROOT, 'corpus'), corpusDir, { recursive: true });
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [NEXT_BIN, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...process.env, PARALLAX_CORPUS: corpusDir, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so teardown can stop next and anything it spawned, by this id only.
    detached: true,
  });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const timer = setTimeout(() => {
        try {
          if (child.pid) process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 5000);
      await exited;
      clearTimeout(timer);
    }
    await fs.rm(corpusDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`next start exited with ${child.exitCode}:\n${log.slice(-4000)}`);
    }
    try {
      // The library page runs the whole analysis: once it answers, the server is warm.
      const res = await fetch(`${url}/`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`next start did not answer within 90 s:\n${log.slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, corpusDir, stop };
}
