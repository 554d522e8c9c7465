/**
 * An in-process cache of rendered pages for the app's HTTP server: which requests may be served from
 * it, and a bounded LRU of finished responses whose concurrent misses share one render (single flight).
 * Entries belong to one data version (the corpus and lexicon stamp): a request that sees another
 * version empties the cache, so a page never outlives the files it was rendered from.
 */
import type { IncomingHttpHeaders } from 'node:http';

/** A finished response, as the renderer sent it, ready to be sent again. */
export interface CachedPage {
  status: number;
  /** Response headers minus the ones that describe one transfer (length, encoding, date, connection). */
  headers: [string, string | string[]][];
  /** The body, uncompressed. */
  body: Buffer;
  /** The same body gzipped once, for clients that accept gzip. */
  gzip: Buffer;
  /** When it was stored (ms), for the age limit. */
  storedAt: number;
}

export interface PageCacheOptions {
  /** Most entries kept (default 200). */
  maxEntries?: number;
  /** Most bytes kept, bodies and their gzipped copies together (default 64 MiB). */
  maxBytes?: number;
  /** A response larger than this (uncompressed) is not kept (default 8 MiB). */
  maxEntryBytes?: number;
  /** An entry older than this is rendered again even when no file changed (default 10 minutes). */
  maxAgeMs?: number;
  /** The clock, for tests. */
  now?: () => number;
}

/** What a lookup tells the caller to do. */
export type Lookup =
  | { kind: 'hit'; page: CachedPage }
  /** Another request is rendering this page: wait for it (null when that render was not cacheable). */
  | { kind: 'wait'; page: Promise<CachedPage | null> }
  /** Render it, then call `done` with the page, or null when the response must not be kept. */
  | { kind: 'lead'; done: (page: CachedPage | null) => void };

export interface PageCacheStats {
  entries: number;
  bytes: number;
  version: string;
}

function sizeOf(page: CachedPage): number {
  return page.body.length + page.gzip.length;
}

export class PageCache {
  readonly maxEntries: number;
  readonly maxBytes: number;
  readonly maxEntryBytes: number;
  readonly maxAgeMs: number;
  private readonly now: () => number;
  private readonly entries = new Map<string, CachedPage>();
  /** Renders under way, keyed by version and key, so a follower never joins a render of older files. */
  private readonly pending = new Map<string, Promise<CachedPage | null>>();
  private version = '';
  private bytes = 0;

  constructor(options: PageCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 200;
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
    this.maxEntryBytes = options.maxEntryBytes ?? 8 * 1024 * 1024;
    this.maxAgeMs = options.maxAgeMs ?? 10 * 60_000;
    this.now = options.now ?? Date.now;
  }

  /**
   * Finds the page for `key` rendered from data `version`, or names this caller the one to render it.
   * A version other than the current one empties the cache first.
   */
  lookup(key: string, version: string): Lookup {
    if (version !== this.version) {
      this.clear();
      this.version = version;
    }
    const page = this.entries.get(key);
    if (page && this.now() - page.storedAt <= this.maxAgeMs) {
      // Least recently used first in the map's order: move a hit to the end.
      this.entries.delete(key);
      this.entries.set(key, page);
      return { kind: 'hit', page };
    }
    if (page) this.remove(key);
    const flight = `${version}\n${key}`;
    const waiting = this.pending.get(flight);
    if (waiting) return { kind: 'wait', page: waiting };
    let settle!: (page: CachedPage | null) => void;
    this.pending.set(flight, new Promise<CachedPage | null>((resolve) => (settle = resolve)));
    let finished = false;
    return {
      kind: 'lead',
      done: (result) => {
        if (finished) return;
        finished = true;
        this.pending.delete(flight);
        // A render that started before the files changed is handed to its followers (they asked
        // before the change too) but not kept.
        if (result && version === this.version) this.store(key, result);
        settle(result);
      },
    };
  }

  /** Drops every entry (renders under way finish but are not kept unless their version is current). */
  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  stats(): PageCacheStats {
    return { entries: this.entries.size, bytes: this.bytes, version: this.version };
  }

  private store(key: string, page: CachedPage): void {
    if (page.body.length > this.maxEntryBytes || sizeOf(page) > this.maxBytes) return;
    this.remove(key);
    this.entries.set(key, page);
    this.bytes += sizeOf(page);
    for (const [oldest, old] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= sizeOf(old);
    }
  }

  private remove(key: string): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    this.bytes -= sizeOf(old);
  }
}

/** The request as the policy sees it (a Node IncomingMessage fits). */
export interface RequestLike {
  method?: string | undefined;
  url?: string | undefined;
  headers: IncomingHttpHeaders;
}

/**
 * Headers that make a response differ from the plain page: the App Router's own requests for a
 * flight payload or a prefetch, server actions, and anything personal. None of them is ever cached.
 */
const UNCACHEABLE_HEADERS = [
  'rsc',
  'next-router-state-tree',
  'next-router-prefetch',
  'next-router-segment-prefetch',
  'next-action',
  'next-url',
  'cookie',
  'authorization',
  'range',
];

/**
 * True when a request may be answered from the cache: a GET of one of `paths` (exact path names)
 * that asks for the plain HTML page, carries no cookie or credentials, and is not one of the App
 * Router's own flight or prefetch requests.
 */
export function isCacheableRequest(req: RequestLike, paths: ReadonlySet<string>): boolean {
  if (req.method !== 'GET' || !req.url) return false;
  const url = requestUrl(req.url);
  if (!url || !paths.has(url.pathname) || url.searchParams.has('_rsc')) return false;
  return !UNCACHEABLE_HEADERS.some((h) => req.headers[h] !== undefined);
}

function requestUrl(raw: string): URL | null {
  try {
    return new URL(raw, 'http://localhost');
  } catch {
    return null;
  }
}

/**
 * The cache key: the host and the request target exactly as received, query string and all. Every
 * view choice lives in the query (blind=1, reveal, key, marks, q…), so two URLs that differ in any
 * parameter, or only in its order, never share an entry: a blind page can never be answered with
 * a page that names the outlets.
 */
export function pageCacheKey(req: RequestLike): string {
  return `${req.headers.host ?? ''} ${req.url ?? ''}`;
}

/** True when an Accept-Encoding header accepts gzip (named, or through `*`, and not with q=0). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  let gzip: number | null = null;
  let star: number | null = null;
  for (const part of value.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    if (name.trim() === 'gzip' || name.trim() === 'x-gzip') gzip = Number.isFinite(weight) ? weight : 0;
    else if (name.trim() === '*') star = Number.isFinite(weight) ? weight : 0;
  }
  return (gzip ?? star ?? 0) > 0;
}

/** Response headers that describe one transfer rather than the page; never stored. */
const TRANSFER_HEADERS = new Set(['content-length', 'content-encoding', 'transfer-encoding', 'connection', 'keep-alive', 'date', 'x-parallax-cache']);

/** The headers of a finished response worth storing, or null when the response must not be cached. */
export function storableHeaders(status: number, headers: Record<string, number | string | string[] | undefined>): [string, string | string[]][] | null {
  if (status !== 200) return null;
  const type = headers['content-type'];
  if (typeof type !== 'string' || !type.startsWith('text/html')) return null;
  if (headers['set-cookie'] !== undefined) return null;
  const kept: [string, string | string[]][] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || TRANSFER_HEADERS.has(name.toLowerCase())) continue;
    kept.push([name, typeof value === 'number' ? String(value) : value]);
  }
  return kept;
}

/**
 * True when a page was streamed with an error in it. Once the page shell is sent, Next.js can no
 * longer change the status: a server error or a notFound() inside the page still answers 200, and
 * its inline flight payload carries an error row (`1d:E{"digest":…}`, escaped inside the script).
 * Such a page is sent but never kept, so a passing failure is not served again from memory.
 */
export function renderedWithError(body: Buffer): boolean {
  return body.includes(':E{\\"digest\\"') || body.includes(':E{"digest"');
}
