/**
 * The page cache of the production server (bin/server.ts) against the real app: a repeat request is
 * answered from memory, blind and named views never share an entry, and the page changes at once when
 * an article is edited on disk, a lexicon is edited through the API or an article is imported.
 * Other test files change the corpus and lexicons at the same time, which makes the server stand its
 * cache aside for a moment; the tests wait for a cache hit where they need one.
 */
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS, baseUrl, corpusDir } from './browser';

interface Answer {
  status: number;
  cache: string | null;
  text: string;
}

async function get(pathAndQuery: string): Promise<Answer> {
  const res = await fetch(`${baseUrl()}${pathAndQuery}`);
  return { status: res.status, cache: res.headers.get('x-parallax-cache'), text: await res.text() };
}

/** Requests a page until the server answers it from the cache (other tests' writes can delay that). */
async function cached(pathAndQuery: string, timeoutMs = 30_000): Promise<Answer> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await get(pathAndQuery);
    if (answer.cache === 'hit' || Date.now() > deadline) return answer;
    await new Promise((r) => setTimeout(r, 300));
  }
}

const tag = randomBytes(3).toString('hex');
const SEED_PAIR = `/compare?articles=${SEEDS.pressTv2018},${SEEDS.deminorias}`;

describe('page cache', () => {
  it('answers a repeat request for a comparison from memory, with the whole page', async () => {
    const page = `${SEED_PAIR}&hide=cache-${tag}`;
    const first = await get(page);
    expect(first.status).toBe(200);
    expect(first.cache).toMatch(/^(miss|bypass|shared|hit)$/);
    const repeat = await cached(page);
    expect(repeat.cache).toBe('hit');
    expect(repeat.text).toContain('data-row');
    expect(repeat.text).toContain('Press TV');
  });

  it('never answers a blind link with the named page, nor the reverse', async () => {
    const named = `${SEED_PAIR}&ref=cache-${tag}`;
    const blind = `${named}&blind=1`;
    expect((await cached(named)).text).toContain('Press TV');
    for (const answer of [await get(blind), await cached(blind)]) {
      expect(answer.status).toBe(200);
      expect(answer.text).toContain('Source A');
      expect(answer.text).not.toContain('Press TV');
      expect(answer.text).not.toContain('deminorias');
    }
    const again = await cached(named);
    expect(again.text).toContain('Press TV');
    expect(again.text).not.toContain('Source A');
  });

  it('never keeps the not-found page of a link naming an unknown article (it answers 200 once streaming began)', async () => {
    const page = `/compare?articles=${SEEDS.pressTv2018},no_such_article_${tag}`;
    await get(page);
    await new Promise((r) => setTimeout(r, 2500));
    const again = await get(page);
    expect(again.text).not.toContain('data-row');
    expect(again.cache).not.toBe('hit');
  });

  it('is not used for the App Router navigation payload (flight) requests', async () => {
    const res = await fetch(`${baseUrl()}${SEED_PAIR}`, { headers: { rsc: '1' }, redirect: 'manual' });
    expect(res.headers.get('x-parallax-cache')).toBeNull();
  });

  it('shows an article imported through the app at once: the next request is rendered, not served from memory', async () => {
    const page = `${SEED_PAIR}&hide=import-${tag}`;
    expect((await cached(page)).cache).toBe('hit');
    const res = await fetch(`${baseUrl()}/api/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: `Cache check ${tag}`, outlet: 'Cache Gazette', text: 'The council met on Tuesday.\n\nIt adjourned at noon.' }),
    });
    expect(res.status).toBe(201);
    const after = await get(page);
    expect(after.status).toBe(200);
    expect(after.cache).not.toBe('hit');
  });
});

describe('page cache and edits to the data', () => {
  // An article of our own (never a seed, so no other test sees it change), compared with a seed.
  const id = `cache-check-${tag}`;
  const word = `zorblatt${tag}`;
  const lexicon = `cache-check-${tag}`;
  const page = `/compare?articles=${id},${SEEDS.pembroke}`;
  let file = '';

  beforeAll(() => {
    // An outside server (PARALLAX_E2E_URL) has no corpus folder of ours: the tests below skip.
    if (!corpusDir()) return;
    file = path.join(corpusDir(), `${id}.md`);
    writeFileSync(file, `---\ntitle: Cache check\noutlet: Cache Gazette\npublished: 2024-01-02\n---\nThe ${word} committee met on Tuesday.\n\nIt adjourned at noon.\n`);
  });
  afterAll(() => {
    if (file) rmSync(file, { force: true });
  });

  it('shows an article edited on disk at once', async (ctx) => {
    if (!file) return ctx.skip();
    const before = await cached(page);
    expect(before.cache).toBe('hit');
    expect(before.text).toContain('adjourned at noon');
    writeFileSync(file, `---\ntitle: Cache check\noutlet: Cache Gazette\npublished: 2024-01-02\n---\nThe ${word} committee met on Tuesday.\n\nIt adjourned after midnight.\n`);
    const after = await get(page);
    expect(after.cache).not.toBe('hit');
    expect(after.text).toContain('adjourned after midnight');
    expect(after.text).not.toContain('adjourned at noon');
  });

  it('shows a lexicon edit made through the API at once, in the term explanations', async (ctx) => {
    if (!file) return ctx.skip();
    const created = await fetch(`${baseUrl()}/api/lexicons`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: lexicon,
        title: 'Cache check',
        description: 'A lexicon the page-cache test writes.',
        referent: { id: `widgets-${tag}`, name: 'Cache widgets', description: 'Made-up things for a test.' },
        entry: { id: word, referent: `widgets-${tag}`, label: word, variants: [word], connotation: -1, note: `First note ${tag}.`, source: { name: 'Parallax test' } },
      }),
    });
    expect(created.status).toBe(201);
    const { version } = (await created.json()) as { version: string };
    const before = await cached(page);
    expect(before.cache).toBe('hit');
    expect(before.text).toContain(`First note ${tag}.`);
    const patched = await fetch(`${baseUrl()}/api/lexicons/${lexicon}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ version, edits: [{ kind: 'update-entry', id: word, changes: { note: `Second note ${tag}.` } }] }),
    });
    expect(patched.status).toBe(200);
    const after = await get(page);
    expect(after.cache).not.toBe('hit');
    expect(after.text).toContain(`Second note ${tag}.`);
    expect(after.text).not.toContain(`First note ${tag}.`);
  });
});
