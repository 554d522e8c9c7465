import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS, baseUrl, launchBrowser, openPage } from './browser';

const PAIR = `/compare?articles=${SEEDS.pressTv2018},${SEEDS.deminorias}`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the comparison page', () => {
  it('shows one column per report, headed by its outlet and date', async () => {
    const { page, errors } = await openPage(browser, PAIR);
    const headers = await page.getByTestId('aligned-grid').getByRole('columnheader').allInnerTexts();
    expect(headers.slice(1).map((h) => h.replace(/\s+/g, ' ').trim())).toEqual(['Press TV 6 Jul 2018', 'deminorias.com 10 Jul 2018']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('highlights terms with their referent and connotation', async () => {
    const { page } = await openPage(browser, PAIR);
    const terms = page.locator('[data-testid=aligned-grid] [data-referent]');
    expect(await terms.count()).toBeGreaterThan(10);
    const connotations = await terms.evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-connotation')))]);
    for (const c of connotations) expect(['-2', '-1', '0', '1', '2']).toContain(c);
    // The Press TV headline calls the armed opposition "Takfiri militants".
    const headline = page.locator(`[data-band=headline] [data-article="${SEEDS.pressTv2018}"] [data-referent=armed-opposition]`).first();
    await expect(headline.innerText()).resolves.toBe('Takfiri militants');
    await expect(headline.getAttribute('data-connotation')).resolves.toBe('-2');
    await page.close();
  });

  it('renders one grid row per aligned row, with the cells of a row side by side at the same height', async () => {
    const report = (await (await fetch(`${baseUrl()}/api/compare?articles=${SEEDS.pressTv2018},${SEEDS.deminorias}`)).json()) as {
      rows: { cells: unknown[] }[];
    };
    const { page } = await openPage(browser, PAIR);
    const rows = page.locator('[data-row]');
    expect(await rows.count()).toBe(report.rows.length);
    const tops = await rows.evaluateAll((els) =>
      els.map((row) => [...row.querySelectorAll('[role=cell]:not([data-empty])')].map((c) => [c.getBoundingClientRect().top, c.getBoundingClientRect().left])),
    );
    const shared = tops.filter((cells) => cells.length > 1);
    expect(shared.length).toBeGreaterThan(0);
    for (const cells of shared) {
      for (const [top, left] of cells.slice(1)) {
        expect(Math.abs(top! - cells[0]![0]!)).toBeLessThan(1);
        expect(left).toBeGreaterThan(cells[0]![1]!);
      }
    }
    await page.close();
  });

  it('marks word-level changes inside aligned rows', async () => {
    const { page } = await openPage(browser, PAIR);
    const kinds = await page.locator('[data-change]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-change'), !!e.closest('[data-row]')]));
    expect(kinds.length).toBeGreaterThan(0);
    for (const [kind, inRow] of kinds) {
      expect(['replaced', 'added']).toContain(kind);
      expect(inRow).toBe(true);
    }
    await page.close();
  });

  it('collapses boilerplate and page furniture, and expands it when the address says bp=open', async () => {
    const { page } = await openPage(browser, PAIR);
    const boiler = page.locator('details[data-boilerplate]');
    expect(await boiler.count()).toBeGreaterThan(0);
    expect(await boiler.evaluateAll((els) => els.every((e) => !(e as HTMLDetailsElement).open))).toBe(true);
    await expect(boiler.first().locator('summary').innerText()).resolves.toMatch(/Site furniture|Stock paragraph|Shared paragraph/);
    await page.getByTestId('boilerplate-open').click();
    await page.waitForURL(/bp=open/);
    await page.waitForFunction(() => [...document.querySelectorAll('details[data-boilerplate]')].every((e) => (e as HTMLDetailsElement).open));
    await page.close();
  });

  it("hides one referent's highlights from the legend and keeps the choice in the address", async () => {
    const { page } = await openPage(browser, PAIR);
    const grid = page.getByTestId('aligned-grid');
    expect(await grid.locator('[data-referent=armed-opposition]').count()).toBeGreaterThan(0);
    await page.locator('[data-referent-toggle=armed-opposition]').click();
    await page.waitForURL(/hide=armed-opposition/);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=aligned-grid] [data-referent=armed-opposition]').length === 0);
    expect(await grid.locator('[data-referent=syrian-government]').count()).toBeGreaterThan(0);
    const reopened = await openPage(browser, `${PAIR}&hide=armed-opposition`);
    expect(await reopened.page.locator('[data-testid=aligned-grid] [data-referent=armed-opposition]').count()).toBe(0);
    await reopened.page.close();
    await page.close();
  });

  it('shows the term table with narrator and quoted counts per report, filtered by referent through the address', async () => {
    const { page } = await openPage(browser, PAIR);
    const table = page.getByTestId('term-table');
    const heads = (await table.locator('thead th').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    expect(heads.filter((h) => /^narrator/.test(h))).toHaveLength(2);
    expect(heads.filter((h) => /^quoted/.test(h))).toHaveLength(2);
    expect(await table.locator('tbody tr[data-term-row]').count()).toBeGreaterThan(5);
    await page.getByTestId('term-table-referent').selectOption('armed-opposition');
    await page.waitForURL(/ref=armed-opposition/);
    const referents = await table.locator('tbody tr[data-term-row]').evaluateAll((rows) => [...new Set(rows.map((r) => r.getAttribute('data-term-row')))]);
    expect(referents).toEqual(['armed-opposition']);
    // The filtered view is a link: opening it again shows the same filter.
    const again = await openPage(browser, new URL(page.url()).pathname + new URL(page.url()).search);
    await expect(again.page.getByTestId('term-table-referent').inputValue()).resolves.toBe('armed-opposition');
    await again.page.close();
    await page.close();
  });

  it('links the JSON and CSV downloads for the same articles', async () => {
    const { page } = await openPage(browser, PAIR);
    const json = await page.getByTestId('download-json').getAttribute('href');
    const csv = await page.getByTestId('download-csv').getAttribute('href');
    expect(json).toBe(`/api/compare?articles=${SEEDS.pressTv2018},${SEEDS.deminorias}`);
    expect(csv).toBe(`/api/terms.csv?articles=${SEEDS.pressTv2018},${SEEDS.deminorias}`);
    expect((await fetch(`${baseUrl()}${csv}`)).status).toBe(200);
    await page.close();
  });

  it('keeps three reports in three readable columns at 1440px', async () => {
    const { page } = await openPage(browser, `/compare?articles=${SEEDS.pressTv2018},${SEEDS.yjc},${SEEDS.deminorias}`);
    const widths = await page.locator('[data-testid=aligned-grid] [role=columnheader]').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
    expect(widths).toHaveLength(4);
    for (const w of widths.slice(1)) expect(w).toBeGreaterThan(300);
    await page.close();
  });

  it('stacks the cells of each row at 390px without scrolling sideways', async () => {
    const { page } = await openPage(browser, PAIR, 390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const shared = await page.locator('[data-row]').evaluateAll((rows) =>
      rows
        .map((row) => [...row.querySelectorAll('[role=cell]:not([data-empty])')].map((c) => c.getBoundingClientRect().top))
        .filter((tops) => tops.length > 1),
    );
    expect(shared.length).toBeGreaterThan(0);
    for (const tops of shared) expect(tops[1]!).toBeGreaterThan(tops[0]!);
    await page.close();
  });

  it('explains what is wrong with a link that names only one article', async () => {
    const { page } = await openPage(browser, `/compare?articles=${SEEDS.yjc}`);
    await expect(page.getByTestId('compare-problem').innerText()).resolves.toMatch(/at least 2/);
    await page.close();
  });

  it('says an unknown article is not in the library', async () => {
    const { page } = await openPage(browser, `/compare?articles=${SEEDS.yjc},no_such_article`);
    await expect(page.locator('h1').innerText()).resolves.toMatch(/not in the library/i);
    await page.close();
  });
});
