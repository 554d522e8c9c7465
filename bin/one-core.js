// On one core, V8's optimising compiler is better run on the main thread. By default it compiles on a
// background thread while the main thread goes on in slower code; with a second core that is free
// time, but on one core the two threads take turns, so the main thread runs the slow code for longer
// and the compiling costs as much. A first `parallax analyze` of 10 MB spends about 2 s of its 8 s
// compiling. Pinned to one core (`taskset -c 0`), these flags cut the run's CPU time by about 15%;
// with two cores or more they would slow it down, so they are used only when the process may run on
// one core: pinned to one by its CPU affinity (which os.availableParallelism() reads), or held to one
// core's time by a CPU quota (a container started with `--cpus=1`, which Node 20 does not see). V8 reads
// them only at start-up, so the process runs itself again with them. PARALLAX_CONCURRENT_JIT=1 keeps
// V8's default.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

export const ONE_CORE_FLAGS = ['--no-concurrent-recompilation', '--no-concurrent-osr'];

/** Whether this process runs with ONE_CORE_FLAGS. */
export function hasOneCoreFlags() {
  return ONE_CORE_FLAGS.every((flag) => process.execArgv.includes(flag));
}

/**
 * The exit status of `script` run again, with the same arguments and streams, under ONE_CORE_FLAGS;
 * or null when this process should go on as it is: it may use more than one core, it already has the
 * flags, the user asked for V8's default, or the new process could not be started.
 */
export function rerunForOneCore(script) {
  if (!onOneCore() || hasOneCoreFlags() || process.env.PARALLAX_CONCURRENT_JIT === '1') return null;
  const child = spawnSync(process.execPath, [...process.execArgv, ...ONE_CORE_FLAGS, script, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (child.error) return null;
  // Killed by a signal: end the same way, so a caller sees what happened.
  if (child.signal) process.kill(process.pid, child.signal);
  return child.status ?? 1;
}

/** Whether this process gets one core's time at most: one CPU in its affinity, or a CPU quota of one core or less. */
export function onOneCore() {
  if (availableParallelism() === 1) return true;
  const quota = cpuQuotaCores(readCgroupFile);
  return quota !== null && quota <= 1;
}

/**
 * The CPU time this process's cgroup may use, in cores (1.5: one and a half cores' time per period), or
 * null when no quota applies or none can be read. `read(path)` gives a file's text or null; cgroup v2
 * keeps the quota in `cpu.max` ("max 100000" or "50000 100000"), v1 in `cpu.cfs_quota_us` (-1: none)
 * over `cpu.cfs_period_us`, both in the directory that /proc/self/cgroup names.
 */
export function cpuQuotaCores(read) {
  const groups = read('/proc/self/cgroup') ?? '';
  const v2 = /^0::(\S*)$/m.exec(groups)?.[1];
  if (v2 !== undefined) {
    const max = read(`/sys/fs/cgroup${v2 === '/' ? '' : v2}/cpu.max`) ?? read('/sys/fs/cgroup/cpu.max');
    const m = max === null ? null : /^(\d+)\s+(\d+)\s*$/.exec(max);
    if (m) return cores(Number(m[1]), Number(m[2]));
  }
  const v1 = /^\d+:(?:[^:]*,)?cpu(?:,[^:]*)?:(\S*)$/m.exec(groups)?.[1];
  if (v1 !== undefined) {
    for (const dir of [`/sys/fs/cgroup/cpu${v1 === '/' ? '' : v1}`, '/sys/fs/cgroup/cpu']) {
      const quota = read(`${dir}/cpu.cfs_quota_us`);
      const period = read(`${dir}/cpu.cfs_period_us`);
      if (quota !== null && period !== null) return cores(Number(quota.trim()), Number(period.trim()));
    }
  }
  return null;
}

function cores(quota, period) {
  return Number.isFinite(quota) && quota > 0 && Number.isFinite(period) && period > 0 ? quota / period : null;
}

function readCgroupFile(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
