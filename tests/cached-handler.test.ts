/**
 * The page cache in front of a real HTTP server, with a stand-in for Next.js's handler that answers
 * the way Next.js does (its own compression middleware, headers flushed before a streamed body).
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { withPageCache, type CacheOutcome } from '../lib/server/cached-handler';

const require = createRequire(import.meta.url);
// The compression middleware Next.js's router server wraps every response in (next/dist/server/lib/router-server.js).
const compression = require('next/dist/compiled/compression') as () => (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

interface Harness {
  url: string;
  renders: string[];
  outcomes: CacheOutcome[];
  setVersion: (v: string | null) => void;
  close: () => Promise<void>;
}

const servers: Harness[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

interface FakeOptions {
  /** Delay before the body is written, so concurrent requests overlap. */
  delayMs?: number;
  status?: number;
  setCookie?: boolean;
  /** What the page says; it gets the query so blind and named views differ like the real page. */
  render?: (url: URL) => string;
}

/** A handler that behaves like Next.js rendering a page: compress, set headers, flush them, stream chunks. */
function fakeNext(renders: string[], opts: FakeOptions) {
  const compress = compression();
  return async (req: IncomingMessage, res: ServerResponse) => {
    compress(req, res, () => {});
    const url = new URL(req.url ?? '/', 'http://x');
    renders.push(url.search);
    await new Promise((r) => setTimeout(r, opts.delayMs ?? 20));
    res.statusCode = opts.status ?? 200;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Cache-Control', 'private, no-cache, no-store, max-age=0, must-revalidate');
    res.setHeader('Vary', 'rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch');
    if (opts.setCookie) res.setHeader('Set-Cookie', 'session=1');
    const body = (opts.render ?? ((u) => `<html><body>page for ${u.search} ${'padding '.repeat(2000)}</body></html>`))(url);
    res.flushHeaders();
    const half = Math.floor(body.length / 2);
    await new Promise<void>((r) => (res.write(body.slice(0, half)) ? r() : res.once('drain', () => r())));
    await new Promise((r) => setTimeout(r, 5));
    await new Promise<void>((resolve) => res.end(Buffer.from(body.slice(half)), () => resolve()));
  };
}

async function start(opts: FakeOptions = {}): Promise<Harness> {
  const renders: string[] = [];
  const outcomes: CacheOutcome[] = [];
  let version: string | null = 'v1';
  const handler = withPageCache(fakeNext(renders, opts), {
    paths: ['/compare'],
    version: async () => version,
    onOutcome: (o) => outcomes.push(o),
  });
  const server = http.createServer((req, res) => void handler(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const harness: Harness = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    renders,
    outcomes,
    setVersion: (v) => (version = v),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
  servers.push(harness);
  return harness;
}

/** GET without undici's automatic decompression, so the test sees exactly what was sent. */
function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

const PAGE = '/compare?articles=a,b';

describe('withPageCache', () => {
  it('renders a page once and answers the repeat from memory with the same bytes and headers', async () => {
    const h = await start();
    const first = await get(h.url + PAGE);
    const second = await get(h.url + PAGE);
    expect(h.renders).toHaveLength(1);
    expect(first.headers['x-parallax-cache']).toBe('miss');
    expect(second.headers['x-parallax-cache']).toBe('hit');
    expect(second.body.equals(first.body)).toBe(true);
    expect(second.body.toString()).toContain('page for ?articles=a,b');
    for (const res of [first, second]) {
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toContain('no-store');
      expect(res.headers['content-length']).toBe(String(res.body.length));
      expect(res.headers['content-encoding']).toBeUndefined();
    }
  });

  it('renders once for many concurrent first requests and gives every one the full page', async () => {
    const h = await start({ delayMs: 150 });
    const all = await Promise.all(Array.from({ length: 12 }, () => get(h.url + PAGE)));
    expect(h.renders).toHaveLength(1);
    expect(all.map((r) => r.headers['x-parallax-cache']).sort()).toEqual(['miss', ...Array(11).fill('shared')]);
    for (const r of all) expect(r.body.equals(all[0]!.body)).toBe(true);
  });

  it('sends gzip to clients that accept it, the same page once unzipped, to the renderer and to later hits', async () => {
    const h = await start();
    const plain = await get(h.url + PAGE, { 'accept-encoding': 'identity' });
    const first = await get(`${h.url}${PAGE}&x=1`, { 'accept-encoding': 'gzip, deflate, br' });
    const hit = await get(h.url + PAGE, { 'accept-encoding': 'gzip' });
    expect(first.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(first.body).toString()).toContain('page for ?articles=a,b&x=1');
    expect(hit.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(hit.body).equals(plain.body)).toBe(true);
    expect(hit.body.length).toBeLessThan(plain.body.length);
  });

  it('never answers one query string with the page of another: blind and named views stay apart', async () => {
    const h = await start({ render: (u) => (u.searchParams.get('blind') === '1' ? '<p>Source A, Source B</p>' : '<p>Press TV, deminorias.com</p>') });
    const named = await get(h.url + PAGE);
    const blind = await get(`${h.url}${PAGE}&blind=1`);
    const namedAgain = await get(h.url + PAGE);
    const blindAgain = await get(`${h.url}${PAGE}&blind=1`);
    expect(h.renders).toEqual(['?articles=a,b', '?articles=a,b&blind=1']);
    expect(blind.body.toString()).not.toContain('Press TV');
    expect(blindAgain.headers['x-parallax-cache']).toBe('hit');
    expect(blindAgain.body.toString()).toBe('<p>Source A, Source B</p>');
    expect(namedAgain.body.toString()).toBe(named.body.toString());
  });

  it('renders again as soon as the data version changes', async () => {
    let edition = 1;
    const h = await start({ render: () => `<p>edition ${edition}</p>` });
    expect((await get(h.url + PAGE)).body.toString()).toBe('<p>edition 1</p>');
    edition = 2;
    expect((await get(h.url + PAGE)).body.toString()).toBe('<p>edition 1</p>');
    h.setVersion('v2');
    const after = await get(h.url + PAGE);
    expect(after.headers['x-parallax-cache']).toBe('miss');
    expect(after.body.toString()).toBe('<p>edition 2</p>');
  });

  it('stands aside (renders, keeps nothing) while the version cannot be trusted', async () => {
    const h = await start();
    h.setVersion(null);
    const a = await get(h.url + PAGE);
    const b = await get(h.url + PAGE);
    expect(h.renders).toHaveLength(2);
    expect([a.headers['x-parallax-cache'], b.headers['x-parallax-cache']]).toEqual(['bypass', 'bypass']);
    h.setVersion('v1');
    expect((await get(h.url + PAGE)).headers['x-parallax-cache']).toBe('miss');
  });

  it('passes error pages and responses that set a cookie through unchanged, and keeps neither', async () => {
    for (const opts of [{ status: 404 }, { status: 500 }, { setCookie: true }]) {
      const h = await start(opts);
      const first = await get(h.url + PAGE, { 'accept-encoding': 'gzip' });
      const second = await get(h.url + PAGE);
      expect(h.renders).toHaveLength(2);
      expect(first.status).toBe(opts.status ?? 200);
      expect(second.body.toString()).toContain('page for ?articles=a,b');
      if (opts.setCookie) expect(first.headers['set-cookie']).toEqual(['session=1']);
    }
  });

  it('sends but never keeps a page with an error streamed into it (status 200, error row in its flight data)', async () => {
    const h = await start({ render: () => '<p>Loading…</p><script>self.__next_f.push([1,"1d:E{\\"digest\\":\\"NEXT_HTTP_ERROR_FALLBACK;404\\"}\\n"])</script>' });
    const first = await get(h.url + PAGE);
    const second = await get(h.url + PAGE);
    expect(first.status).toBe(200);
    expect(second.body.equals(first.body)).toBe(true);
    expect(h.renders).toHaveLength(2);
    expect(second.headers['x-parallax-cache']).toBe('miss');
  });

  it('leaves requests the policy refuses to the handler alone, without a cache header', async () => {
    const h = await start();
    await get(h.url + PAGE);
    for (const [path, headers] of [
      [PAGE, { rsc: '1' }],
      [PAGE, { cookie: 'a=b' }],
      ['/other?articles=a,b', {}],
    ] as const) {
      const res = await get(h.url + path, headers);
      expect(res.headers['x-parallax-cache'], JSON.stringify(headers)).toBeUndefined();
    }
    expect(h.renders).toHaveLength(4);
    expect(h.outcomes).toEqual(['miss']);
  });

  it('still answers the waiting requests when the first client leaves before its page is ready', async () => {
    const h = await start({ delayMs: 200 });
    const leaving = http.get(h.url + PAGE);
    leaving.on('error', () => {});
    await new Promise((r) => setTimeout(r, 30));
    const waiting = get(h.url + PAGE);
    await new Promise((r) => setTimeout(r, 30));
    leaving.destroy();
    const res = await waiting;
    expect(res.status).toBe(200);
    expect(res.body.toString()).toContain('page for ?articles=a,b');
    // The abandoned render was not kept; the waiting request rendered the page itself.
    expect(h.renders).toHaveLength(2);
  });
});
