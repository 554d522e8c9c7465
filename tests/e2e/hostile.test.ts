import { writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, corpusDir, launchBrowser, openPage } from './browser';

const PAYLOADS = [
  '<script>document.body.dataset.pwned = "script"</script>',
  '<img src="x" onerror="document.body.dataset.pwned = \'img\'">',
  '<a href="javascript:document.body.dataset.pwned=1">click me</a>',
  '<iframe src="http://203.0.113.9/frame"></iframe>',
];

const post = (body: unknown) =>
  fetch(`${baseUrl()}/api/articles`, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('hostile input', () => {
  it('shows pasted markup as inert text: nothing runs, no element or javascript: link is created', async () => {
    const text = `A council meeting turned tense on Monday.\n\n${PAYLOADS.join('\n\n')}\n\nThe mayor said the vote would be repeated.`;
    const res = await post({ title: 'Council <b>meeting</b>', outlet: 'Test <script>x</script>', text });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const { page, errors } = await openPage(browser, `/articles/${id}`);
    const shown = (await page.getByTestId('article-text').textContent()) ?? '';
    for (const p of PAYLOADS) expect(shown.replace(/\s+/g, ' ')).toContain(p.replace(/\s+/g, ' '));
    const article = page.getByTestId('article-text');
    expect(await article.locator('script, img, iframe').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
    expect(await page.evaluate(() => document.body.dataset.pwned)).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reduces an uploaded page to its text: no script, handler, javascript: link or remote request reaches the browser', async () => {
    const html = `<!doctype html><html><head><title>Harbour expansion approved</title>
      <script>window.parent.document.body.dataset.pwned = "head"</script>
      <link rel="stylesheet" href="http://203.0.113.9/evil.css"></head><body onload="document.body.dataset.pwned='onload'">
      <article><h1>Harbour expansion approved</h1>
      <p>The port authority approved the harbour expansion on Tuesday after two years of hearings, officials said.</p>
      <p>Residents had asked for <a href="javascript:alert(1)">a noise study</a> and <img src="http://203.0.113.9/pixel.gif" onerror="alert(2)"> fewer night shifts.</p>
      <p>Work is due to start in the spring, the authority said in a statement on its website.</p>
      <p>Fishermen said they feared losing the old quay, which the plan would turn into a car park for ferry passengers.</p>
      </article></body></html>`;
    const res = await post({ outlet: 'Harbour Times', html });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const page = await browser.newPage();
    const remote: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(baseUrl())) remote.push(r.url());
    });
    await page.goto(`${baseUrl()}/articles/${id}`, { waitUntil: 'networkidle' });
    const shown = (await page.getByTestId('article-text').textContent()) ?? '';
    expect(shown).toContain('Residents had asked for a noise study');
    expect(shown).not.toMatch(/<script|onerror|onload|javascript:/i);
    expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
    expect(await page.evaluate(() => document.body.dataset.pwned)).toBeUndefined();
    expect(remote).toEqual([]);
    await page.close();
  });

  it('lands twenty simultaneous imports as twenty distinct, complete articles', async () => {
    const bodies = Array.from({ length: 20 }, (_, i) => ({
      title: 'Simultaneous import',
      outlet: `Outlet ${i}`,
      text: `Report number ${i} on the bridge vote.\n\n${`Paragraph about the bridge vote number ${i}. `.repeat(200)}`,
    }));
    const responses = await Promise.all(bodies.map((b) => post(b)));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    const ids = await Promise.all(responses.map(async (r) => ((await r.json()) as { id: string }).id));
    expect(new Set(ids).size).toBe(20);
    const back = await Promise.all(ids.map(async (id) => ((await (await fetch(`${baseUrl()}/api/articles/${id}`)).json()) as { article: { outlet: string; text: string } }).article));
    back.forEach((a, i) => {
      expect(a.outlet).toBe(`Outlet ${i}`);
      expect(a.text).toBe(bodies[i]!.text.endsWith('\n') ? bodies[i]!.text : `${bodies[i]!.text}\n`);
    });
  });

  it('shows a corrupt or hand-edited corpus file as one article with an error, and the library still works', async (ctx) => {
    const dir = corpusDir();
    if (!dir) ctx.skip();
    const bad = path.join(dir, 'hand-edited.md');
    writeFileSync(bad, '---\ntitle: "Broken\npublished: tomorrow\n---\nSome text.\n');
    const binary = path.join(dir, 'corrupt.txt');
    writeFileSync(binary, Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x00]));
    try {
      const { page, errors } = await openPage(browser, '/');
      const rejected = await page.getByTestId('rejected-files').innerText();
      expect(rejected).toContain('hand-edited.md');
      expect(rejected).toContain('corrupt.txt');
      expect(await page.locator('[data-testid=library-table] tr[data-article="000_aa3b1d39a0c4470b"]').count()).toBe(1);
      expect(errors).toEqual([]);
      await page.close();
      const res = await fetch(`${baseUrl()}/compare?articles=000_aa3b1d39a0c4470b,003_0702bf80221a2f16`);
      expect(res.status).toBe(200);
    } finally {
      rmSync(bad, { force: true });
      rmSync(binary, { force: true });
    }
  });

  it('answers an article page with 404 when the corpus has no such article, and 200 when it has', async () => {
    const found = await fetch(`${baseUrl()}/articles/000_aa3b1d39a0c4470b`);
    expect(found.status).toBe(200);
    const missing = await fetch(`${baseUrl()}/articles/no_such_article_here`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toMatch(/No such article/);
  });

  it('answers a comparison naming an article the corpus lacks with 404 and its not-found view, and a sound one with 200', async () => {
    const missing = await fetch(`${baseUrl()}/compare?articles=000_aa3b1d39a0c4470b,no_such_article_here`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toMatch(/One of these reports is not in the library/);
    // Asked again (the comparison page cache must not keep the 404 as a page, nor turn it into 200).
    expect((await fetch(`${baseUrl()}/compare?articles=000_aa3b1d39a0c4470b,no_such_article_here`)).status).toBe(404);
    expect((await fetch(`${baseUrl()}/compare?articles=000_aa3b1d39a0c4470b,003_0702bf80221a2f16`)).status).toBe(200);
    // An address that names no comparison is explained by the page itself.
    const single = await fetch(`${baseUrl()}/compare?articles=000_aa3b1d39a0c4470b`);
    expect(await single.text()).toMatch(/does not name a comparison/);
  });

  it('never reads outside the corpus for ids made of dots, slashes or encoded slashes', async () => {
    for (const id of ['..%2F..%2Fpackage', '%2e%2e%2fpackage.json', '..%5C..%5Cpackage', '%2Fetc%2Fpasswd', '....//package']) {
      const res = await fetch(`${baseUrl()}/api/articles/${id}`);
      expect([400, 404]).toContain(res.status);
      expect(await res.text()).not.toMatch(/"dependencies"|root:x:0:0/);
    }
    // The server answers 404 before the streamed page starts, which still shows the not-found view.
    const page = await fetch(`${baseUrl()}/articles/..%2F..%2Fpackage`);
    expect(page.status).toBe(404);
    const html = await page.text();
    expect(html).not.toMatch(/"dependencies"|"devDependencies"/);
    expect(html).toMatch(/No such article|Not in the library/);
  });
});
