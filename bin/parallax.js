#!/usr/bin/env node
// Command-line entry: registers tsx so the TypeScript core runs without a build step, then hands over.
// On one core it first runs itself again with V8's compiler on the main thread (see one-core.js).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rerunForOneCore } from './one-core.js';

const rerun = rerunForOneCore(fileURLToPath(import.meta.url));
if (rerun !== null) process.exit(rerun);
const { register } = await import('tsx/esm/api');

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.env.PARALLAX_ROOT ??= root;
register({ tsconfig: join(root, 'tsconfig.json') });
const { main } = await import('./cli.ts');
process.exitCode = await main(process.argv.slice(2));
