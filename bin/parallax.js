#!/usr/bin/env node
// Command-line entry: registers tsx so the TypeScript core runs without a build step, then hands over.
import { register } from 'tsx/esm/api';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.env.PARALLAX_ROOT ??= root;
register({ tsconfig: join(root, 'tsconfig.json') });
const { main } = await import('./cli.ts');
process.exitCode = await main(process.argv.slice(2));
