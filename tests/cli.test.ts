import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { AnalyzeReport, CompareReport } from '../lib/types';
import { ROOT, SEED_IDS, seedText } from './helpers/seeds';
import { onOneCore } from '../bin/one-core.js';

const BIN = path.join(ROOT, 'bin', 'parallax.js');

function parallax(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 120_000, env: { ...process.env, PARALLAX_ROOT: ROOT } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('parallax analyze', () => {
  it('prints one JSON report for the bundled corpus, with terms, paragraphs and events', () => {
    const { code, stdout, stderr } = parallax(['analyze', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as AnalyzeReport;
    expect(report.kind).toBe('parallax.analyze');
    expect(report.articles.map((a) => a.id)).toEqual([...SEED_IDS]);
    const a000 = report.articles[0]!;
    expect(a000.text).toBe(seedText('000_aa3b1d39a0c4470b'));
    expect(a000.source).toBe('corpus/000_aa3b1d39a0c4470b.txt');
    for (const t of a000.terms) expect(a000.text.slice(t.start, t.end)).toBe(t.text);
    expect(report.events.map((e) => e.articles.length).sort()).toEqual([1, 4]);
  });

  it('stops quietly when the reader closes the pipe early', () => {
    // `parallax analyze --json | head -c 100`: the reader goes away after a few bytes.
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" analyze --json | head -c 100 > /dev/null; echo "exit $?"`], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, PARALLAX_ROOT: ROOT },
    });
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
    // The pipeline's status is head's; the command itself must not have printed a crash.
    expect(r.stdout.trim()).toBe('exit 0');
  });

  it('prints a readable summary without --json', () => {
    const { code, stdout } = parallax(['analyze', 'corpus/003_0702bf80221a2f16.txt']);
    expect(code).toBe(0);
    expect(stdout).toContain('armed-opposition');
    expect(stdout).toContain('repeated-headline');
  });

  it('analyses the good files of a bad folder, names each bad one on stderr without a stack trace, and exits non-zero', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'parallax-cli-'));
    writeFileSync(path.join(dir, 'good.txt'), seedText('004_1a7acaa75544b218'));
    writeFileSync(path.join(dir, 'empty.txt'), '');
    writeFileSync(path.join(dir, 'blank.md'), '   \n\n  ');
    writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01]));
    writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from('caf\xe9 au lait', 'latin1'));
    writeFileSync(path.join(dir, 'broken.md'), '---\ntitle: "unclosed\n---\nText.\n');
    writeFileSync(path.join(dir, 'baddate.md'), '---\npublished: 2018-02-30\n---\nText.\n');
    writeFileSync(path.join(dir, 'locked.txt'), 'Text.\n');
    chmodSync(path.join(dir, 'locked.txt'), 0o000);
    const { code, stdout, stderr } = parallax(['analyze', '--json', dir, path.join(dir, 'nowhere')]);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as AnalyzeReport;
    const expected = ['good'];
    // root can read a file whatever its mode: then locked.txt is simply a good article.
    if (process.getuid?.() === 0) expected.push('locked');
    expect(report.articles.map((a) => a.id).sort()).toEqual(expected.sort());
    for (const name of ['empty.txt', 'blank.md', 'binary.txt', 'latin1.txt', 'broken.md', 'baddate.md', 'nowhere']) {
      expect(stderr).toContain(name);
    }
    expect(stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
    expect(report.rejected.length).toBeGreaterThanOrEqual(7);
  });

  it('refuses an unknown option with a message instead of ignoring it', () => {
    const { code, stderr } = parallax(['analyze', '--jsno']);
    expect(code).toBe(2);
    expect(stderr).toContain('--jsno');
  });
});

describe('on one core', () => {
  // `taskset -c 0` (util-linux) limits a process, and the processes it starts, to one CPU: what
  // os.availableParallelism() reads, as on a one-core machine.
  const pinned = (args: string[], env: Record<string, string> = {}) => {
    const r = spawnSync('taskset', ['-c', '0', process.execPath, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, PARALLAX_ROOT: ROOT, ...env } });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('runs a script again with the one-core V8 flags, passing its arguments, streams and exit status', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'parallax-one-core-'));
    const probe = path.join(dir, 'probe.mjs');
    const oneCore = pathToFileURL(path.join(ROOT, 'bin', 'one-core.js')).href;
    writeFileSync(
      probe,
      `import { hasOneCoreFlags, rerunForOneCore } from ${JSON.stringify(oneCore)};
const rerun = rerunForOneCore(process.argv[1]);
if (rerun !== null) process.exit(rerun);
console.log(JSON.stringify({ flags: hasOneCoreFlags(), args: process.argv.slice(2) }));
process.exit(3);
`,
    );
    const one = pinned([probe, 'a b', '--json']);
    expect(one).toMatchObject({ code: 3, stderr: '' });
    expect(JSON.parse(one.stdout)).toEqual({ flags: true, args: ['a b', '--json'] });
    // With more than one core, or when asked to keep V8's default, it goes on as it is (unless this
    // machine itself gives one core's time: a container's CPU quota, which onOneCore reads).
    const two = spawnSync(process.execPath, [probe, 'x'], { encoding: 'utf8' });
    expect(JSON.parse(two.stdout)).toEqual({ flags: onOneCore(), args: ['x'] });
    const kept = pinned([probe, 'x'], { PARALLAX_CONCURRENT_JIT: '1' });
    expect(JSON.parse(kept.stdout)).toEqual({ flags: false, args: ['x'] });
  });

  it('gives the same report, and the same exit status for a bad file, as with more cores', () => {
    const file = path.join(ROOT, 'corpus', '003_0702bf80221a2f16.txt');
    const one = pinned([BIN, 'analyze', file, '--json']);
    expect(one.code).toBe(0);
    expect(one.stdout).toBe(parallax(['analyze', file, '--json']).stdout);
    const dir = mkdtempSync(path.join(tmpdir(), 'parallax-one-core-'));
    writeFileSync(path.join(dir, 'empty.txt'), '');
    const bad = pinned([BIN, 'analyze', file, path.join(dir, 'empty.txt'), '--json']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('empty.txt');
    expect(bad.stdout).toBe(parallax(['analyze', file, path.join(dir, 'empty.txt'), '--json']).stdout);
  });
});

describe('parallax compare', () => {
  it('prints the comparison report for two corpus ids', () => {
    const { code, stdout } = parallax(['compare', '000_aa3b1d39a0c4470b', '003_0702bf80221a2f16', '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as CompareReport;
    expect(report.kind).toBe('parallax.compare');
    expect(report.articles.map((a) => a.id)).toEqual(['000_aa3b1d39a0c4470b', '003_0702bf80221a2f16']);
    expect(report.rows.some((r) => r.cells.length === 2 && r.changes.length > 0)).toBe(true);
    expect(report.event?.articles).toContain('002_5e2392d7e9ddb078');
  });

  it('takes a path as well as an id, and says how many articles a comparison needs', () => {
    const ok = parallax(['compare', 'corpus/002_5e2392d7e9ddb078.txt', '003_0702bf80221a2f16']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Terms (narrator/quoted)');
    const one = parallax(['compare', '000_aa3b1d39a0c4470b']);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('2 to 6');
  });
});
