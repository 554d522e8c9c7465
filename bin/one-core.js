// On one core, V8's optimising compiler is better run on the main thread. By default it compiles on a
// background thread while the main thread goes on in slower code; with a second core that is free
// time, but on one core the two threads take turns, so the main thread runs the slow code for longer
// and the compiling costs as much. A first `parallax analyze` of 10 MB spends about 2 s of its 8 s
// compiling. Pinned to one core (`taskset -c 0`), these flags cut the run's CPU time by about 15%;
// with two cores or more they would slow it down, so they are used only when the process may run on
// one core (os.availableParallelism() reads the CPU affinity). V8 reads them only at start-up, so the
// process runs itself again with them. PARALLAX_CONCURRENT_JIT=1 keeps V8's default.
import { spawnSync } from 'node:child_process';
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
  if (availableParallelism() !== 1 || hasOneCoreFlags() || process.env.PARALLAX_CONCURRENT_JIT === '1') return null;
  const child = spawnSync(process.execPath, [...process.execArgv, ...ONE_CORE_FLAGS, script, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (child.error) return null;
  // Killed by a signal: end the same way, so a caller sees what happened.
  if (child.signal) process.kill(process.pid, child.signal);
  return child.status ?? 1;
}
