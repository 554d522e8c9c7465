/**
 * The production HTTP server: Next.js's own request handler (the one `next start` runs) behind the
 * page cache of lib/server/cached-handler.ts, so a comparison page already rendered from the same
 * files is sent from memory instead of being rendered again.
 *
 * `node --import tsx bin/server.ts [-p PORT] [-H HOST]` after `next build` (`npm start` runs it).
 *
 * Why a server of our own: the comparison page's view lives in its query string, so Next.js renders
 * it on every request; `'use cache'` would keep the server components' output but still render the
 * HTML each time, and the full route cache and ISR never apply to pages that read searchParams.
 */
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dataStamp, hasArticleFiles } from '../lib/corpus';
import { withPageCache } from '../lib/server/cached-handler';
import { parseCompareState, type RawSearchParams } from '../lib/view/url-state';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Pages whose HTML depends only on the URL and the corpus and lexicon files. */
export const CACHED_PAGES = ['/compare'];

function option(names: string[], fallback: string): string {
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    for (const name of names) {
      if (arg === name && args[i + 1] !== undefined) return args[i + 1]!;
      if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
    }
  }
  return fallback;
}

const port = Number(option(['-p', '--port'], process.env.PORT ?? '3000'));
// Like `next start`: every interface unless a host is named (HOSTNAME is not read: containers set it to their id).
const host = option(['-H', '--hostname'], '');
if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`"${port}" is not a port number`);
// Set before Next.js loads, as `next start` does: the PDF export reaches the app on this port.
Object.assign(process.env, { NODE_ENV: 'production', PORT: String(port) });

const { default: next } = await import('next');
const server = http.createServer();
const app = next({ dev: false, dir: ROOT, hostname: host || 'localhost', port, httpServer: server });
await app.prepare();
const handle = app.getRequestHandler();

const cached = withPageCache((req, res) => handle(req, res), {
  paths: CACHED_PAGES,
  // Stat the corpus and lexicon folders on every request: an import, a lexicon edit or a file
  // changed in an editor shows at once; while a file is only moments old, the cache stands aside.
  version: async () => {
    const stamp = await dataStamp();
    return stamp.settled ? stamp.key : null;
  },
});
/** The id in an article page's path (`/articles/ID`, with or without a query), or null for other paths. */
function articleId(url: string | undefined): string | null {
  const m = /^\/articles\/([^/?#]+)\/?(?:[?#]|$)/.exec(url ?? '');
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return '';
  }
}

/**
 * The ids a comparison page's address names, read as the page reads them, or null for other paths
 * and for addresses that name no comparison (the page explains those itself).
 */
function comparedIds(url: string | undefined): string[] | null {
  let parsed: URL;
  try {
    parsed = new URL(url ?? '/', 'http://localhost');
  } catch {
    return null;
  }
  if (parsed.pathname !== '/compare' && parsed.pathname !== '/compare/') return null;
  const params: RawSearchParams = {};
  for (const key of new Set(parsed.searchParams.keys())) {
    const values = parsed.searchParams.getAll(key);
    params[key] = values.length === 1 ? values[0] : values;
  }
  const state = parseCompareState(params);
  return state.ok ? state.state.articles : null;
}

/**
 * Article and comparison pages stream behind their loading state, so by the time a page finds no
 * such article Next.js has sent 200 (its documented behaviour). The status is decided here instead,
 * before rendering starts; Next.js keeps it and still renders the page's not-found view.
 */
async function answer(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const ids = comparedIds(req.url) ?? [articleId(req.url)].filter((id) => id !== null);
  if (!(await hasArticleFiles(ids))) res.statusCode = 404;
  await cached(req, res);
}

server.on('request', (req, res) => {
  answer(req, res).catch((e: unknown) => {
    console.error(e);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});

const ready = () => console.log(`▲ Parallax (Next.js) ready on http://${host || 'localhost'}:${port}`);
if (host) server.listen(port, host, ready);
else server.listen(port, ready);

let closing = false;
const stop = () => {
  if (closing) return;
  closing = true;
  server.close();
  server.closeAllConnections();
  void app.close().finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
