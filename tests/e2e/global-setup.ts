/**
 * Vitest global setup: starts one production Next.js server for the whole run (building first when
 * needed) and hands its URL to the end-to-end tests. Skipped when the run names only other test files.
 */
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServer } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the app under test, e.g. http://127.0.0.1:41234 ('' when no e2e test runs). */
    baseUrl: string;
    /** The temporary corpus folder that server reads ('' when it is not ours). */
    corpusDir: string;
  }
}

export default async function setup(project: TestProject) {
  // `vitest run tests/segments.test.ts` should not pay for a Next.js build: look at the files this run will test.
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  const specs = await project.vitest.getRelevantTestSpecifications(filters);
  if (!specs.some((s) => s.moduleId.includes(`${path.sep}tests${path.sep}e2e${path.sep}`))) {
    project.provide('baseUrl', '');
    project.provide('corpusDir', '');
    return;
  }
  // A server someone already runs (e.g. `next dev` while iterating) can stand in.
  if (process.env.PARALLAX_E2E_URL) {
    project.provide('baseUrl', process.env.PARALLAX_E2E_URL.replace(/\/$/, ''));
    project.provide('corpusDir', '');
    return;
  }
  const server = await startServer();
  project.provide('baseUrl', server.url);
  project.provide('corpusDir', server.corpusDir);
  return async () => {
    await server.stop();
  };
}
