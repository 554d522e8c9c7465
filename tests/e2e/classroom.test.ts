import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS, baseUrl, launchBrowser, openPage } from './browser';

/** Every outlet of the sample corpus, in any spelling the pages could use. */
const OUTLETS = /press\s*tv|presstv|young journalists club|yjc|deminorias|pembroke/i;
const ALL = Object.values(SEEDS).join(',');
const PAIR = `${SEEDS.pressTv2018},${SEEDS.yjc}`;
/** Screenshots for a person to look at (not compared by the tests). */
const SHOTS = '/tmp/shots';

let browser: Browser;
let tmp: string;
beforeAll(async () => {
  browser = await launchBrowser();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'parallax-classroom-'));
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** Selects `needle` inside one of the elements matching `scope`, as a user dragging over it would. */
async function selectWords(page: Page, scope: string, needle: string): Promise<void> {
  await page.evaluate(
    ({ scope, needle }) => {
      for (const root of document.querySelectorAll(scope)) {
        const nodes: Text[] = [];
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
        const at = nodes.map((n) => n.data).join('').indexOf(needle);
        if (at < 0) continue;
        // Start one character into the first word and stop one short of the last: the tool widens to whole words.
        const from = at + 1;
        const to = at + needle.length - 1;
        const range = document.createRange();
        let acc = 0;
        let started = false;
        for (const n of nodes) {
          if (!started && from <= acc + n.length) {
            range.setStart(n, from - acc);
            started = true;
          }
          if (started && to <= acc + n.length) {
            range.setEnd(n, to - acc);
            break;
          }
          acc += n.length;
        }
        const selection = document.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
      throw new Error(`"${needle}" is not on the page`);
    },
    { scope, needle },
  );
}

/** Waits until the marking tool listens for selections: `data-ready` on its panel, set once the page has hydrated. */
async function markingReady(page: Page): Promise<void> {
  await page.locator('[data-testid=marks-panel][data-ready]').waitFor();
}

/** Marks `needle` in one article's cells, optionally saying whom it describes, and waits for the mark to be drawn. */
async function mark(page: Page, article: string, needle: string, referent?: string): Promise<void> {
  await markingReady(page);
  const before = await page.locator('[data-mark-item]').count();
  await selectWords(page, `[data-markable] [data-article="${article}"]`, needle);
  await page.getByTestId('mark-bar').waitFor();
  if (referent) await page.getByTestId('mark-referent').selectOption({ label: referent });
  await page.getByTestId('mark-add').click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-mark-item]').length === n, before + 1);
}

describe('blind mode', () => {
  it('names no outlet in the HTML source, the title, meta tags, links, data attributes or visible text', async () => {
    const path = `/compare?articles=${ALL}&blind=1&bp=open`;
    const html = await (await fetch(`${baseUrl()}${path}`)).text();
    expect(html.match(OUTLETS)?.[0] ?? null).toBeNull();
    const { page, errors } = await openPage(browser, path);
    const seen = await page.evaluate(() => ({
      dom: document.documentElement.outerHTML,
      title: document.title,
      meta: [...document.querySelectorAll('meta')].map((m) => `${m.getAttribute('name') ?? m.getAttribute('property')}=${m.getAttribute('content')}`),
      links: [...document.querySelectorAll('[href],[src],[action]')].map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? e.getAttribute('action')),
      data: [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith('data-') || a.name === 'title' || a.name.startsWith('aria-')).map((a) => a.value)),
      text: document.body.innerText,
    }));
    for (const [where, value] of Object.entries(seen)) expect([where, JSON.stringify(value).match(OUTLETS)?.[0] ?? null]).toEqual([where, null]);
    // The columns are sources, and the self-references are there, redacted.
    const heads = await page.getByTestId('aligned-grid').getByRole('columnheader').allInnerTexts();
    expect(heads.slice(1).map((h) => h.split('\n')[0])).toEqual(['Source A', 'Source B', 'Source C', 'Source D', 'Source E']);
    expect(await page.locator('[data-redacted]').count()).toBeGreaterThan(3);
    expect(seen.text).toContain('[source redacted]');
    // Parallax's labels wait for the reveal.
    expect(await page.locator('[data-referent], [data-candidate], [data-swaps], [data-testid=term-table], [data-testid=legend]').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/classroom-blind.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is switched on from an ordinary comparison and off again', async () => {
    const { page } = await openPage(browser, `/compare?articles=${PAIR}`);
    await page.getByTestId('blind-on').click();
    await page.waitForURL(/blind=1/);
    await page.getByTestId('marks-panel').waitFor();
    await page.getByTestId('blind-off').click();
    await page.waitForURL((url) => !url.search.includes('blind'));
    await page.getByTestId('term-table').waitFor();
    await page.close();
  });
});

describe('student marking and the reveal', () => {
  it('marks words, keeps them in the address and the browser, and reveals what both, only the student and only Parallax found', async () => {
    const { page, errors } = await openPage(browser, `/compare?articles=${PAIR}&blind=1`);
    // "Takfiri militants" is a lexicon label; "huge losses" is not.
    await mark(page, SEEDS.pressTv2018, 'Takfiri militants agree', 'Armed opposition');
    await mark(page, SEEDS.yjc, 'huge losses');
    expect(new URL(page.url()).searchParams.get('marks')).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await page.locator('[data-student-mark]').allInnerTexts()).toEqual(['Takfiri militants agree', 'huge losses']);
    const code = await page.getByTestId('marks-code').inputValue();
    expect(code).toBe(new URL(page.url()).searchParams.get('marks'));
    await page.locator('[data-band=headline]').evaluate((e) => e.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: `${SHOTS}/classroom-marking.png` });

    // The same exercise opened again in this browser brings the marks back (from localStorage).
    await page.goto(`${baseUrl()}/compare?articles=${PAIR}&blind=1`, { waitUntil: 'networkidle' });
    await page.waitForURL(/marks=/);
    await page.waitForFunction(() => document.querySelectorAll('[data-mark-item]').length === 2);

    await page.getByTestId('reveal').click();
    await page.waitForURL(/reveal=1/);
    const panel = page.getByTestId('reveal-panel');
    await panel.waitFor();
    const groups = Object.fromEntries(
      await page.locator('[data-group]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-group'), (e as HTMLElement).innerText])),
    ) as Record<string, string>;
    expect(groups.both).toMatch(/Takfiri/);
    expect(groups.student).toMatch(/huge losses/);
    expect(groups.parallax).toMatch(/militant/);
    const agreement = await page.getByTestId('agreement').innerText();
    expect(agreement).toMatch(/\d+%\s*agreement \(F1\)/);
    expect(agreement).toMatch(/1 of your 2 marks/);
    // Revealed: the outlets, the lexicon's notes, Parallax's labels beside the student's marks.
    expect(await page.getByTestId('sources-revealed').innerText()).toMatch(/Source A was Press TV[\s\S]*Source B was Young Journalists Club/);
    expect(await page.locator('[data-testid=aligned-grid] [data-referent]').count()).toBeGreaterThan(10);
    expect(await page.locator('[data-testid=aligned-grid] [data-student-mark]').count()).toBe(2);
    await page.screenshot({ path: `${SHOTS}/classroom-reveal.png` });
    await page.locator('[data-group=both]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/classroom-reveal-groups.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('offers to mark words selected before the page became interactive, once it is', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // Hold back the page's JavaScript (not its stylesheet, which the parser would wait for) so that
    // it cannot hydrate until the words are selected: a reader quicker than a slow device.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/_next\/static\/chunks\/[^?]*\.js(\?|$)/, async (route) => {
      await held;
      await route.continue();
    });
    try {
      await page.goto(`${baseUrl()}/compare?articles=${PAIR}&blind=1`, { waitUntil: 'domcontentloaded' });
      // The streamed content is in place (the loading state is gone) but nothing has hydrated.
      await page.waitForFunction(() => !document.querySelector('[aria-busy=true]') && document.querySelector('[data-markable]'));
      expect(await page.locator('[data-testid=marks-panel][data-ready]').count()).toBe(0);
      await selectWords(page, `[data-markable] [data-article="${SEEDS.pressTv2018}"]`, 'Takfiri militants agree');
      expect(await page.evaluate(() => document.getSelection()?.toString())).toBe('akfiri militants agre');
    } finally {
      release();
    }
    await markingReady(page);
    // Ready means the tool has looked at the selection already there: no further selectionchange is coming.
    expect(await page.getByTestId('mark-bar').count()).toBe(1);
    expect(await page.getByTestId('mark-bar').innerText()).toContain('Takfiri militants agree');
    await page.getByTestId('mark-add').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-mark-item]').length === 1);
    expect(await page.locator('[data-student-mark]').allInnerTexts()).toEqual(['Takfiri militants agree']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says what is wrong with a marks code that was cut short, and shows no marks', async () => {
    const { page } = await openPage(browser, `/compare?articles=${PAIR}&blind=1&marks=AQASE`);
    await expect(page.getByTestId('marks-panel').innerText()).resolves.toMatch(/could not be read: the marks code is cut short/);
    expect(await page.locator('[data-student-mark]').count()).toBe(0);
    await page.close();
  });
});

describe('the worksheet and the answer key', () => {
  function pdfText(file: string, bytes: ArrayBuffer): { text: string; info: string } {
    const pdf = path.join(tmp, file);
    writeFileSync(pdf, Buffer.from(bytes));
    return { text: execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }), info: execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }) };
  }

  it('prints a blind worksheet with questions that names no outlet anywhere', async () => {
    const q = encodeURIComponent('Which source would you trust, and why?');
    const res = await fetch(`${baseUrl()}/api/export?articles=${ALL}&blind=1&focus=armed-opposition&q=${q}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/filename="parallax-worksheet-[\d-]+\.pdf"/);
    const { text, info } = pdfText('worksheet.pdf', await res.arrayBuffer());
    expect(text.match(OUTLETS)?.[0] ?? null).toBeNull();
    expect(info.match(OUTLETS)?.[0] ?? null).toBeNull();
    expect(text).toMatch(/Which words describe the same people/);
    expect(text).toMatch(/Who is quoted/);
    expect(text).toMatch(/Which source would you trust, and why\?/);
    expect(text).toMatch(/Source A/);
    expect(text).toContain('[source redacted]');
    // Two reports on portrait A4, for the screenshots of the handout.
    const pair = await fetch(`${baseUrl()}/api/export?articles=${PAIR}&blind=1&focus=armed-opposition`);
    const pairPdf = path.join(tmp, 'pair.pdf');
    writeFileSync(pairPdf, Buffer.from(await pair.arrayBuffer()));
    for (const f of readdirSync(SHOTS).filter((f) => f.startsWith('classroom-worksheet-'))) rmSync(path.join(SHOTS, f));
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '3', pairPdf, `${SHOTS}/classroom-worksheet`]);
  });

  it('prints the answer key separately, naming the outlets with suggested answers', async () => {
    const res = await fetch(`${baseUrl()}/api/export?articles=${PAIR}&blind=1&key=1`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/filename="parallax-answer-key-/);
    const { text } = pdfText('key.pdf', await res.arrayBuffer());
    expect(text).toMatch(/Answer key/i);
    expect(text).toMatch(/Press TV/);
    expect(text).toMatch(/Hussein Abazeed/);
    const keyPdf = path.join(tmp, 'key.pdf');
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', keyPdf, `${SHOTS}/classroom-key`]);
  });
});

describe('preparing an exercise', () => {
  it('turns the form into one blind link that carries the focus and the questions', async () => {
    const { page, errors } = await openPage(browser, '/exercise/new');
    await page.locator(`input[name=article][value="${SEEDS.pressTv2018}"]`).check();
    await page.locator(`input[name=article][value="${SEEDS.deminorias}"]`).check();
    await page.locator('input[name=focus][value=armed-opposition]').check();
    await page.locator('textarea[name=questions]').fill('Who is called a rebel, and by whom?\nWhat does "Takfiri" mean?');
    await page.getByTestId('exercise-submit').click();
    await page.getByTestId('exercise-link').waitFor();
    // The link becomes absolute once the page has hydrated (it reads the browser's own origin).
    await page.waitForFunction(() => (document.querySelector('[data-testid=exercise-url]') as HTMLInputElement | null)?.value.startsWith('http'));
    const url = await page.getByTestId('exercise-url').inputValue();
    expect(url).toMatch(new RegExp(`/compare\\?articles=${SEEDS.pressTv2018},${SEEDS.deminorias}&blind=1&focus=armed-opposition&q=`));
    await page.screenshot({ path: `${SHOTS}/classroom-exercise.png` });
    await page.goto(url, { waitUntil: 'networkidle' });
    const exercise = await page.getByTestId('exercise').innerText();
    expect(exercise).toMatch(/Armed opposition/);
    expect(exercise).toMatch(/Who is called a rebel, and by whom\?/);
    expect(exercise).toMatch(/What does "Takfiri" mean\?/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('explains what is missing when only one report is picked', async () => {
    const { page } = await openPage(browser, `/exercise/new?article=${SEEDS.yjc}&questions=`);
    await expect(page.getByTestId('exercise-problem').innerText()).resolves.toMatch(/at least 2/);
    await page.close();
  });
});
