/**
 * End-to-end server: the app started by bin/app-server.ts (built first when stale) over temporary
 * copies of corpus/ and lexicons/, so imports and lexicon edits made by the tests never touch the repository.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, startApp } from '../../bin/app-server';

export { ROOT };

export interface RunningServer {
  url: string;
  corpusDir: string;
  lexiconDir: string;
  stop: () => Promise<void>;
}

/** Starts the production server over fresh copies of corpus/ and lexicons/ and waits until it answers. */
export async function startServer(): Promise<RunningServer> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'parallax-e2e-'));
  const corpusDir = path.join(root, 'corpus');
  const lexiconDir = path.join(root, 'lexicons');
  const remove = () => fs.rm(root, { recursive: true, force: true });
  try {
    await fs.cp(path.join(ROOT, 'corpus'), corpusDir, { recursive: true });
    await fs.cp(path.join(ROOT, 'lexicons'), lexiconDir, { recursive: true });
    // startApp hands its own environment to the server: point the lexicon folder at the copy for
    // that start only, so the test workers started later keep reading the repository's lexicons.
    const previous = process.env.PARALLAX_LEXICONS;
    process.env.PARALLAX_LEXICONS = lexiconDir;
    let app;
    try {
      app = await startApp({ corpusDir });
    } finally {
      if (previous === undefined) delete process.env.PARALLAX_LEXICONS;
      else process.env.PARALLAX_LEXICONS = previous;
    }
    return {
      url: app.url,
      corpusDir,
      lexiconDir,
      stop: async () => {
        await app.stop();
        await remove();
      },
    };
  } catch (e) {
    await remove();
    throw e;
  }
}
