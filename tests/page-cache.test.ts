import { describe, expect, it } from 'vitest';
import { PageCache, acceptsGzip, isCacheableRequest, pageCacheKey, renderedWithError, storableHeaders, type CachedPage } from '../lib/server/page-cache';

function page(body: string, storedAt = Date.now()): CachedPage {
  return { status: 200, headers: [['content-type', 'text/html; charset=utf-8']], body: Buffer.from(body), gzip: Buffer.from(body), storedAt };
}

/** Looks up `key`, renders `body` when this caller leads, and returns what the lookup said. */
function fill(cache: PageCache, key: string, version: string, body: string, storedAt = Date.now()): string {
  const found = cache.lookup(key, version);
  if (found.kind === 'lead') found.done(page(body, storedAt));
  return found.kind;
}

const PATHS = new Set(['/compare']);
const req = (url: string, headers: Record<string, string> = {}, method = 'GET') => ({ method, url, headers: { host: 'localhost:3000', ...headers } });

describe('PageCache', () => {
  it('names the first caller the renderer, then answers from memory', () => {
    const cache = new PageCache();
    expect(fill(cache, 'k', 'v1', 'page one')).toBe('lead');
    const found = cache.lookup('k', 'v1');
    expect(found.kind).toBe('hit');
    expect(found.kind === 'hit' && found.page.body.toString()).toBe('page one');
  });

  it('lets callers that arrive during a render wait for it instead of rendering again', async () => {
    const cache = new PageCache();
    const first = cache.lookup('k', 'v1');
    const second = cache.lookup('k', 'v1');
    const third = cache.lookup('k', 'v1');
    expect(first.kind).toBe('lead');
    expect(second.kind).toBe('wait');
    expect(third.kind).toBe('wait');
    if (first.kind !== 'lead' || second.kind !== 'wait' || third.kind !== 'wait') return;
    first.done(page('rendered once'));
    expect((await second.page)?.body.toString()).toBe('rendered once');
    expect((await third.page)?.body.toString()).toBe('rendered once');
  });

  it('hands waiters null and keeps nothing when the render is not cacheable, so the next caller leads', async () => {
    const cache = new PageCache();
    const first = cache.lookup('k', 'v1');
    const second = cache.lookup('k', 'v1');
    if (first.kind !== 'lead' || second.kind !== 'wait') throw new Error('unexpected lookup');
    first.done(null);
    expect(await second.page).toBeNull();
    expect(cache.lookup('k', 'v1').kind).toBe('lead');
  });

  it('empties itself when the data version changes', () => {
    const cache = new PageCache();
    fill(cache, 'a', 'v1', 'A');
    fill(cache, 'b', 'v1', 'B');
    expect(cache.lookup('a', 'v2').kind).toBe('lead');
    expect(cache.stats()).toMatchObject({ entries: 0, version: 'v2' });
  });

  it('does not keep a render that started before the files changed, though its waiters get it', async () => {
    const cache = new PageCache();
    const old = cache.lookup('k', 'v1');
    const waiter = cache.lookup('k', 'v1');
    expect(cache.lookup('k', 'v2').kind).toBe('lead');
    if (old.kind !== 'lead' || waiter.kind !== 'wait') throw new Error('unexpected lookup');
    old.done(page('from v1 files'));
    expect((await waiter.page)?.body.toString()).toBe('from v1 files');
    expect(cache.stats().entries).toBe(0);
    expect(cache.lookup('k', 'v2').kind).toBe('wait');
  });

  it('keeps at most maxEntries, dropping the least recently used', () => {
    const cache = new PageCache({ maxEntries: 2 });
    fill(cache, 'a', 'v', 'A');
    fill(cache, 'b', 'v', 'B');
    expect(cache.lookup('a', 'v').kind).toBe('hit');
    fill(cache, 'c', 'v', 'C');
    expect(cache.lookup('b', 'v').kind).toBe('lead');
    expect(cache.lookup('a', 'v').kind).toBe('hit');
    expect(cache.lookup('c', 'v').kind).toBe('hit');
  });

  it('keeps at most maxBytes, and never an entry larger than maxEntryBytes', () => {
    const cache = new PageCache({ maxBytes: 30, maxEntryBytes: 12 });
    fill(cache, 'a', 'v', 'x'.repeat(10));
    fill(cache, 'b', 'v', 'y'.repeat(10));
    expect(cache.stats().bytes).toBeLessThanOrEqual(30);
    expect(cache.lookup('a', 'v').kind).toBe('lead');
    expect(cache.lookup('b', 'v').kind).toBe('hit');
    fill(cache, 'big', 'v', 'z'.repeat(13));
    expect(cache.lookup('big', 'v').kind).toBe('lead');
  });

  it('renders again an entry older than maxAgeMs', () => {
    let now = 1_000;
    const cache = new PageCache({ maxAgeMs: 100, now: () => now });
    fill(cache, 'k', 'v', 'old', now);
    now += 50;
    expect(cache.lookup('k', 'v').kind).toBe('hit');
    now += 100;
    expect(cache.lookup('k', 'v').kind).toBe('lead');
  });
});

describe('isCacheableRequest', () => {
  it('accepts a plain GET of a cached path, with or without a query', () => {
    expect(isCacheableRequest(req('/compare?articles=a,b&blind=1'), PATHS)).toBe(true);
    expect(isCacheableRequest(req('/compare'), PATHS)).toBe(true);
  });

  it('refuses other methods, other paths and sub-paths', () => {
    expect(isCacheableRequest(req('/compare?articles=a,b', {}, 'POST'), PATHS)).toBe(false);
    expect(isCacheableRequest(req('/compare?articles=a,b', {}, 'HEAD'), PATHS)).toBe(false);
    expect(isCacheableRequest(req('/'), PATHS)).toBe(false);
    expect(isCacheableRequest(req('/compare/x'), PATHS)).toBe(false);
    expect(isCacheableRequest(req('/api/compare?articles=a,b'), PATHS)).toBe(false);
  });

  it("refuses the App Router's flight and prefetch requests, server actions, cookies and credentials", () => {
    for (const header of ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-action', 'next-url', 'cookie', 'authorization', 'range']) {
      expect(isCacheableRequest(req('/compare?articles=a,b', { [header]: '1' }), PATHS), header).toBe(false);
    }
    expect(isCacheableRequest(req('/compare?articles=a,b&_rsc=x1'), PATHS)).toBe(false);
  });
});

describe('pageCacheKey', () => {
  it('keeps the whole query string, so blind and named views never share an entry', () => {
    const named = pageCacheKey(req('/compare?articles=a,b'));
    const blind = pageCacheKey(req('/compare?articles=a,b&blind=1'));
    const reveal = pageCacheKey(req('/compare?articles=a,b&blind=1&reveal=1'));
    const key = pageCacheKey(req('/compare?articles=a,b&blind=1&key=1'));
    expect(new Set([named, blind, reveal, key]).size).toBe(4);
  });

  it('tells apart parameter order, encodings and hosts (never guessing that two URLs are the same page)', () => {
    expect(pageCacheKey(req('/compare?blind=1&articles=a,b'))).not.toBe(pageCacheKey(req('/compare?articles=a,b&blind=1')));
    expect(pageCacheKey(req('/compare?articles=a%2Cb'))).not.toBe(pageCacheKey(req('/compare?articles=a,b')));
    expect(pageCacheKey({ url: '/compare?articles=a,b', headers: { host: 'a.example' } })).not.toBe(pageCacheKey({ url: '/compare?articles=a,b', headers: { host: 'b.example' } }));
  });
});

describe('acceptsGzip', () => {
  it('reads Accept-Encoding as HTTP defines it', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('*, gzip;q=0')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip('')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});

describe('storableHeaders', () => {
  const html = { 'content-type': 'text/html; charset=utf-8', vary: 'rsc, Accept-Encoding', 'cache-control': 'private, no-store' };

  it('keeps the page headers and drops the ones that describe one transfer', () => {
    const kept = storableHeaders(200, { ...html, 'content-length': 10, 'transfer-encoding': 'chunked', date: 'x', connection: 'keep-alive', 'x-parallax-cache': 'miss' });
    expect(Object.fromEntries(kept ?? [])).toEqual(html);
  });

  it('refuses error statuses, other content types and responses that set a cookie', () => {
    expect(storableHeaders(404, html)).toBeNull();
    expect(storableHeaders(500, html)).toBeNull();
    expect(storableHeaders(307, html)).toBeNull();
    expect(storableHeaders(200, { 'content-type': 'text/x-component' })).toBeNull();
    expect(storableHeaders(200, { ...html, 'set-cookie': ['a=b'] })).toBeNull();
  });
});

describe('renderedWithError', () => {
  it("spots the error row Next.js streams into a page that failed or called notFound() after its shell was sent", () => {
    // As served by the app for /compare?articles=<known>,<unknown> (status 200, loading.tsx already sent).
    const notFound = '<script>self.__next_f.push([1,"1d:E{\\"digest\\":\\"NEXT_HTTP_ERROR_FALLBACK;404\\"}\\n"])</script>';
    const thrown = '<script>self.__next_f.push([1,"2a:E{\\"digest\\":\\"1234567890\\"}\\n"])</script>';
    expect(renderedWithError(Buffer.from(notFound))).toBe(true);
    expect(renderedWithError(Buffer.from(thrown))).toBe(true);
  });

  it('leaves a page alone whose article text merely quotes such a string', () => {
    // Text in the flight payload is escaped twice (JSON in a script string), so it cannot form the row.
    const quoted = '<script>self.__next_f.push([1,"3:[\\"$\\",\\"p\\",null,{\\"children\\":\\"a:E{\\\\\\"digest\\\\\\"\\"}]\\n"])</script>';
    expect(renderedWithError(Buffer.from(quoted))).toBe(false);
    expect(renderedWithError(Buffer.from('<p>An ordinary page</p>'))).toBe(false);
  });
});
