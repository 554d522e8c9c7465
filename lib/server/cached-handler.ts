/**
 * Puts the page cache (page-cache.ts) in front of an HTTP request handler (Next.js's, in
 * bin/server.ts): a repeat request for the same page and the same files is answered from memory,
 * concurrent first requests share one render, and anything else goes straight to the handler.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ServerResponse as NodeServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { PageCache, acceptsGzip, isCacheableRequest, pageCacheKey, renderedWithError, storableHeaders, type CachedPage } from './page-cache';

const gzipAsync = promisify(gzip);

/** The response's own `end`, past any wrapper installed on the instance. */
const realEnd = NodeServerResponse.prototype.end as (this: ServerResponse, chunk?: Buffer) => ServerResponse;

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/** How each request was answered, in the `x-parallax-cache` response header. */
export type CacheOutcome = 'hit' | 'shared' | 'miss' | 'bypass';

export interface CachingOptions {
  /** Path names whose pages may be cached, e.g. ['/compare']. */
  paths: readonly string[];
  /**
   * The version of the data the pages are rendered from, taken before the render; null when it
   * cannot be trusted right now (a file changed a moment ago), which sends the request past the cache.
   */
  version: () => Promise<string | null>;
  cache?: PageCache;
  /** Called once per request that reaches the cache policy (tests and logs count outcomes). */
  onOutcome?: (outcome: CacheOutcome, req: IncomingMessage) => void;
}

/** Wraps `handle` with the page cache. */
export function withPageCache(handle: RequestHandler, options: CachingOptions): ((req: IncomingMessage, res: ServerResponse) => Promise<void>) & { cache: PageCache } {
  const cache = options.cache ?? new PageCache();
  const paths = new Set(options.paths);
  const report = (outcome: CacheOutcome, req: IncomingMessage, res: ServerResponse) => {
    if (!res.headersSent) res.setHeader('x-parallax-cache', outcome);
    options.onOutcome?.(outcome, req);
  };
  const bypass = (req: IncomingMessage, res: ServerResponse) => {
    report('bypass', req, res);
    return handle(req, res);
  };

  const wrapped = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!isCacheableRequest(req, paths)) return handle(req, res);
    const version = await options.version();
    if (version === null) return bypass(req, res);
    const key = pageCacheKey(req);
    // A follower whose leader gave up (client gone, error page) looks again once, then renders alone.
    for (let attempt = 0; attempt < 2; attempt++) {
      const found = cache.lookup(key, version);
      if (found.kind === 'hit') {
        report('hit', req, res);
        return sendPage(req, res, found.page);
      }
      if (found.kind === 'wait') {
        const page = await found.page;
        if (page) {
          report('shared', req, res);
          return sendPage(req, res, page);
        }
        continue;
      }
      report('miss', req, res);
      return renderAndKeep(handle, req, res, found.done);
    }
    return bypass(req, res);
  };
  return Object.assign(wrapped, { cache });
}

/** Sends a stored page: gzipped when the client accepts it, with its length. */
export function sendPage(req: IncomingMessage, res: ServerResponse, page: CachedPage): void {
  const gz = acceptsGzip(req.headers['accept-encoding']);
  const body = gz ? page.gzip : page.body;
  res.statusCode = page.status;
  for (const [name, value] of page.headers) res.setHeader(name, value);
  res.removeHeader('transfer-encoding');
  if (gz) res.setHeader('content-encoding', 'gzip');
  else res.removeHeader('content-encoding');
  res.setHeader('content-length', body.length);
  realEnd.call(res, req.method === 'HEAD' ? undefined : body);
}

type Patched = 'writeHead' | 'flushHeaders' | 'write' | 'end';

/**
 * Lets `handle` render into memory instead of the socket: its status, headers and body are collected
 * until it ends the response. A cacheable result is stored and sent (gzipped when accepted); anything
 * else (an error status or an error streamed into the page, a cookie, another content type) is sent
 * as it came and not kept. The client of this
 * first request waits for the whole page instead of a stream; in return, the requests that share
 * this render never wait on that client's network.
 */
async function renderAndKeep(handle: RequestHandler, req: IncomingMessage, res: ServerResponse, done: (page: CachedPage | null) => void): Promise<void> {
  const acceptEncoding = req.headers['accept-encoding'];
  // Next.js compresses when the client accepts it; the cache wants the plain body (and gzips it once).
  delete req.headers['accept-encoding'];
  const chunks: Buffer[] = [];
  let ended = false;
  const own = res as unknown as Record<Patched, unknown>;
  const patch: Record<Patched, unknown> = {
    writeHead(this: ServerResponse, status: number, ...rest: unknown[]) {
      res.statusCode = status;
      const headers = rest.find((r) => r && typeof r === 'object');
      if (Array.isArray(headers)) {
        for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(String(headers[i]), headers[i + 1] as string);
      } else if (headers) {
        for (const [name, value] of Object.entries(headers as Record<string, string>)) res.setHeader(name, value);
      }
      return res;
    },
    flushHeaders() {},
    write(chunk: unknown, encoding?: unknown, cb?: unknown) {
      collect(chunk, encoding);
      const callback = typeof encoding === 'function' ? encoding : cb;
      if (typeof callback === 'function') process.nextTick(callback as () => void);
      return true;
    },
    end(chunk?: unknown, encoding?: unknown, cb?: unknown) {
      if (typeof chunk === 'function') cb = chunk;
      else collect(chunk, encoding);
      const callback = typeof encoding === 'function' ? encoding : cb;
      if (typeof callback === 'function') res.once('finish', callback as () => void);
      if (!ended) {
        ended = true;
        void finish();
      }
      return res;
    },
  };
  function collect(chunk: unknown, encoding: unknown) {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
    if (typeof chunk === 'string') chunks.push(Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'));
    // Copied: a writer may reuse its buffer once write() returns.
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
  }
  Object.assign(own, patch);
  // Our methods are own properties now; wrappers the handler adds on top (the compression
  // middleware's) close over them. Removing them all leaves the prototype's real methods.
  const restore = () => {
    for (const name of ['writeHead', 'flushHeaders', 'write', 'end', 'on', 'addListener', 'removeListener', 'off', 'once'] as const) {
      if (Object.prototype.hasOwnProperty.call(res, name)) delete (res as unknown as Record<string, unknown>)[name];
    }
  };

  async function finish() {
    restore();
    if (acceptEncoding !== undefined) req.headers['accept-encoding'] = acceptEncoding;
    const body = Buffer.concat(chunks);
    const headers = storableHeaders(res.statusCode, res.getHeaders());
    if (!headers || res.destroyed || renderedWithError(body)) {
      done(null);
      if (!res.destroyed) realEnd.call(res, body);
      return;
    }
    let page: CachedPage;
    try {
      page = { status: res.statusCode, headers, body, gzip: await gzipAsync(body), storedAt: Date.now() };
    } catch {
      done(null);
      realEnd.call(res, body);
      return;
    }
    done(page);
    if (!res.destroyed) sendPage(req, res, page);
  }

  // The client may leave before the render ends; its followers must not wait for ever.
  res.once('close', () => {
    if (!ended) done(null);
  });
  try {
    await handle(req, res);
  } catch (e) {
    if (!ended) {
      restore();
      done(null);
    }
    throw e;
  }
}
