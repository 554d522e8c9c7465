#!/usr/bin/env node
// Command-line entry: runs the TypeScript core from a bundle kept fresh in node_modules/.cache (see
// cli-bundle.js), or through tsx when there is none, so there is no build step; then hands over.
// On one core it first runs itself again with V8's compiler on the main thread (see one-core.js).
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundledCli } from './cli-bundle.js';
import { rerunForOneCore } from './one-core.js';

const rerun = rerunForOneCore(fileURLToPath(import.meta.url));
if (rerun !== null) process.exit(rerun);

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.env.PARALLAX_ROOT ??= root;
const bundle = await bundledCli(root);
let cli;
if (bundle) cli = await import(pathToFileURL(bundle).href);
else {
  const { register } = await import('tsx/esm/api');
  register({ tsconfig: join(root, 'tsconfig.json') });
  cli = await import('./cli.ts');
}
process.exitCode = await cli.main(process.argv.slice(2));
