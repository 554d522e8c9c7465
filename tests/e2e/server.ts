/**
 * End-to-end server: the app started by bin/app-server.ts (built first when stale) over a temporary
 * copy of corpus/, so imports made by the tests never touch the repository.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, startApp } from '../../bin/app-server';

export { ROOT };

export interface RunningServer {
  url: string;
  corpusDir: string;
  stop: () => Promise<void>;
}

/** Starts `next start` over a fresh copy of corpus/ and waits until it answers. */
export async function startServer(): Promise<RunningServer> {
  const corpusDir = await fs.mkdtemp(path.join(os.tmpdir(), 'parallax-e2e-corpus-'));
  await fs.cp(path.join(ROOT, 'corpus'), corpusDir, { recursive: true });
  try {
    const app = await startApp({ corpusDir });
    return {
      url: app.url,
      corpusDir,
      stop: async () => {
        await app.stop();
        await fs.rm(corpusDir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await fs.rm(corpusDir, { recursive: true, force: true });
    throw e;
  }
}
