import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { bundledCli, cacheDir } from '../bin/cli-bundle.js';
import { ROOT } from './helpers/seeds';

/** A small project: bin/cli.ts imports lib/value.ts, and reports where it runs from. */
function project(value: string): string {
  const root = mkdtempSync(path.join(tmpdir(), 'parallax-bundle-'));
  mkdirSync(path.join(root, 'bin'));
  mkdirSync(path.join(root, 'lib'));
  writeFileSync(path.join(root, 'tsconfig.json'), '{}');
  writeFileSync(path.join(root, 'package.json'), '{"type":"module"}');
  writeFileSync(path.join(root, 'lib', 'value.ts'), `export const value: string = ${JSON.stringify(value)};\n`);
  writeFileSync(
    path.join(root, 'bin', 'cli.ts'),
    `import { value } from '../lib/value';\nexport async function main(): Promise<string> { return value + ' ' + import.meta.url; }\n`,
  );
  return root;
}

async function run(bundle: string): Promise<string> {
  // A query makes each import load the file as it is now, not the module loaded before.
  const cli = (await import(`${pathToFileURL(bundle).href}?t=${statSync(bundle).mtimeMs}`)) as { main: () => Promise<string> };
  return cli.main();
}

const saved = process.env.PARALLAX_NO_BUNDLE;
afterEach(() => {
  if (saved === undefined) delete process.env.PARALLAX_NO_BUNDLE;
  else process.env.PARALLAX_NO_BUNDLE = saved;
});

describe('the command-line bundle', () => {
  it('is built on first use, reused while its sources stay the same, and built again when one changes', async () => {
    delete process.env.PARALLAX_NO_BUNDLE;
    const root = project('first');
    const bundle = await bundledCli(root);
    expect(bundle).toBe(path.join(cacheDir(root), 'cli.mjs'));
    // The sources see bin/cli.ts's own address, not the bundle's.
    expect(await run(bundle!)).toBe(`first ${pathToFileURL(path.join(root, 'bin', 'cli.ts')).href}`);
    const built = statSync(bundle!).mtimeMs;
    const manifest = JSON.parse(readFileSync(path.join(cacheDir(root), 'cli.json'), 'utf8')) as { inputs: Record<string, unknown> };
    expect(Object.keys(manifest.inputs).sort()).toEqual(['bin/cli.ts', 'lib/value.ts', 'package.json', 'tsconfig.json']);

    expect(await bundledCli(root)).toBe(bundle);
    expect(statSync(bundle!).mtimeMs).toBe(built);

    writeFileSync(path.join(root, 'lib', 'value.ts'), `export const value: string = 'second';\n`);
    // A change within the same millisecond still shows in the size; set the time apart as well.
    utimesSync(path.join(root, 'lib', 'value.ts'), new Date(), new Date(Date.now() + 5000));
    expect(await bundledCli(root)).toBe(bundle);
    expect(await run(bundle!)).toMatch(/^second /);
    // Nothing is left behind under a temporary name.
    expect(readdirSync(cacheDir(root)).sort()).toEqual(['cli.json', 'cli.mjs']);
  });

  it('is not used when asked (PARALLAX_NO_BUNDLE=1), nor when it cannot be built', async () => {
    const root = project('x');
    process.env.PARALLAX_NO_BUNDLE = '1';
    expect(await bundledCli(root)).toBeNull();
    expect(existsSync(cacheDir(root))).toBe(false);
    delete process.env.PARALLAX_NO_BUNDLE;
    writeFileSync(path.join(root, 'bin', 'cli.ts'), `import { gone } from '../lib/missing';\nexport const main = () => gone;\n`);
    expect(await bundledCli(root)).toBeNull();
  });

  it('gives parallax the same output as running from the sources', () => {
    const file = path.join(ROOT, 'corpus', '000_aa3b1d39a0c4470b.txt');
    const cli = (env: Record<string, string>) =>
      spawnSync(process.execPath, [path.join(ROOT, 'bin', 'parallax.js'), 'analyze', file, '--json'], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 120_000,
        env: { ...process.env, PARALLAX_ROOT: ROOT, ...env },
      });
    const bundled = cli({ PARALLAX_NO_BUNDLE: '0' });
    const sources = cli({ PARALLAX_NO_BUNDLE: '1' });
    expect(bundled.status).toBe(0);
    expect(bundled.stdout.length).toBeGreaterThan(1000);
    expect(bundled.stdout).toBe(sources.stdout);
    expect(existsSync(path.join(cacheDir(ROOT), 'cli.mjs'))).toBe(true);
  });
});
