// The command line's TypeScript, bundled into one JavaScript file by esbuild and kept in
// node_modules/.cache/parallax/ until a source file changes. Loading the sources through tsx's module
// hooks costs every run about 1.5 s of CPU (of 3.5 s for `parallax analyze` on one article); the
// bundle loads as plain JavaScript. The first run after a change builds it again (a fraction of a
// second). When the bundle cannot be built or saved (a read-only install, say) the command runs from
// the sources as before; PARALLAX_NO_BUNDLE=1 asks for that too (stack traces then name the sources).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Where the bundle and the list of its sources live: a folder of node_modules/.cache/parallax named
 * after the project's path, as node_modules may be shared (a link) by checkouts with other sources.
 */
export function cacheDir(root) {
  return join(root, 'node_modules', '.cache', 'parallax', createHash('sha256').update(root).digest('hex').slice(0, 16));
}
// Read with the sources: they change how the sources compile.
const SETTINGS = ['tsconfig.json', 'package.json'];
// The manifest's format; a different one makes the bundle stale.
const FORMAT = 1;

/**
 * The path of a fresh bundle of bin/cli.ts under `root` (building it when missing or stale), or null
 * when the command should run from the sources.
 */
export async function bundledCli(root) {
  if (process.env.PARALLAX_NO_BUNDLE === '1') return null;
  const dir = cacheDir(root);
  const bundle = join(dir, 'cli.mjs');
  const manifest = join(dir, 'cli.json');
  if (isFresh(root, bundle, manifest)) return bundle;
  try {
    await rebuild(root, dir, bundle, manifest);
    return bundle;
  } catch {
    return null;
  }
}

/** Size and modification time of a file under `root`, or null when it cannot be read. */
function stamp(root, file) {
  try {
    const s = statSync(join(root, file));
    return [s.size, s.mtimeMs];
  } catch {
    return null;
  }
}

/** True when the bundle exists and every source it was built from is as it was then. */
function isFresh(root, bundle, manifest) {
  let m;
  try {
    m = JSON.parse(readFileSync(manifest, 'utf8'));
  } catch {
    return false;
  }
  if (m?.format !== FORMAT || m.node !== process.version || typeof m.inputs !== 'object' || !stamp(root, relative(root, bundle))) return false;
  for (const [file, was] of Object.entries(m.inputs)) {
    const now = stamp(root, file);
    if (!now || !Array.isArray(was) || now[0] !== was[0] || now[1] !== was[1]) return false;
  }
  return true;
}

/**
 * Bundles bin/cli.ts with its imports from the project (packages stay imports), then moves the bundle
 * and its manifest into place, each written whole under another name first: a run that reads them
 * meanwhile, or builds them at the same time, sees either the old files or the new ones.
 */
async function rebuild(root, dir, bundle, manifest) {
  const { build } = await import('esbuild');
  mkdirSync(dir, { recursive: true });
  const tmp = `.${process.pid}.tmp`;
  try {
    const result = await build({
      absWorkingDir: root,
      entryPoints: ['bin/cli.ts'],
      outfile: bundle + tmp,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: `node${process.versions.node.split('.')[0]}`,
      packages: 'external',
      metafile: true,
      logLevel: 'silent',
      // The sources find files beside them (the project root, packages) from import.meta.url: give
      // them bin/cli.ts's, a file in the project, rather than the bundle's in node_modules/.cache.
      define: { 'import.meta.url': JSON.stringify(pathToFileURL(join(root, 'bin', 'cli.ts')).href) },
    });
    const inputs = {};
    for (const file of [...Object.keys(result.metafile.inputs), ...SETTINGS]) {
      const s = stamp(root, file);
      if (!s) throw new Error(`cannot read ${file}`);
      inputs[file] = s;
    }
    writeFileSync(manifest + tmp, JSON.stringify({ format: FORMAT, node: process.version, inputs }));
    renameSync(bundle + tmp, bundle);
    renameSync(manifest + tmp, manifest);
  } finally {
    rmSync(bundle + tmp, { force: true });
    rmSync(manifest + tmp, { force: true });
  }
}
