import { describe, expect, it } from 'vitest';
import { cpuQuotaCores } from '../bin/one-core.js';

/** A read function over a few fake files. */
const files = (map: Record<string, string>) => (file: string) => map[file] ?? null;

describe('cpuQuotaCores (the one-core flags under a container CPU quota)', () => {
  it('reads cgroup v2 cpu.max in the process group, and "max" as no quota', () => {
    expect(cpuQuotaCores(files({ '/proc/self/cgroup': '0::/\n', '/sys/fs/cgroup/cpu.max': '100000 100000\n' }))).toBe(1);
    expect(cpuQuotaCores(files({ '/proc/self/cgroup': '0::/\n', '/sys/fs/cgroup/cpu.max': '150000 100000\n' }))).toBe(1.5);
    expect(cpuQuotaCores(files({ '/proc/self/cgroup': '0::/\n', '/sys/fs/cgroup/cpu.max': 'max 100000\n' }))).toBeNull();
    const nested = { '/proc/self/cgroup': '0::/docker/abc\n', '/sys/fs/cgroup/docker/abc/cpu.max': '50000 100000\n', '/sys/fs/cgroup/cpu.max': 'max 100000\n' };
    expect(cpuQuotaCores(files(nested))).toBe(0.5);
  });

  it('reads cgroup v1 cfs quota and period, with cpu mounted alone or with cpuacct, and -1 as no quota', () => {
    const v1 = (groups: string, dir: string, quota: string) =>
      cpuQuotaCores(files({ '/proc/self/cgroup': groups, [`${dir}/cpu.cfs_quota_us`]: quota, [`${dir}/cpu.cfs_period_us`]: '100000\n' }));
    expect(v1('4:memory:/x\n2:cpu,cpuacct:/\n', '/sys/fs/cgroup/cpu', '100000\n')).toBe(1);
    expect(v1('3:cpuacct,cpu:/kube/pod1\n', '/sys/fs/cgroup/cpu/kube/pod1', '200000\n')).toBe(2);
    expect(v1('1:cpu:/\n', '/sys/fs/cgroup/cpu', '-1\n')).toBeNull();
    // cpuset is not cpu: its line names no quota.
    expect(v1('3:cpuset:/\n', '/sys/fs/cgroup/cpu', '100000\n')).toBeNull();
  });

  it('gives null when nothing can be read', () => {
    expect(cpuQuotaCores(() => null)).toBeNull();
    expect(cpuQuotaCores(files({ '/proc/self/cgroup': '0::/\n' }))).toBeNull();
  });
});
