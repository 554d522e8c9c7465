import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS, launchBrowser, openPage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Article ids of the table's rows, in display order, for the seeds only (other tests may import more). */
async function seedOrder(page: Page): Promise<string[]> {
  const ids = await page.locator('[data-testid=library-table] tbody tr[data-article]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-article') ?? ''));
  return ids.filter((id) => (Object.values(SEEDS) as string[]).includes(id));
}

describe('the library page', () => {
  it('lists the five seed articles with their outlets and titles', async () => {
    const { page, errors } = await openPage(browser, '/');
    const table = page.getByTestId('library-table');
    for (const id of Object.values(SEEDS)) await expect(table.locator(`tr[data-article="${id}"]`).count()).resolves.toBe(1);
    await expect(table.locator(`tr[data-article="${SEEDS.yjc}"]`).innerText()).resolves.toContain('Young Journalists Club (YJC)');
    await expect(table.locator(`tr[data-article="${SEEDS.deminorias}"]`).innerText()).resolves.toContain('Syrian rebels in south agree to resume talks');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('groups the seeds into two events: 000, 002, 003 and 004 together, 001 on its own', async () => {
    const { page } = await openPage(browser, '/');
    const groupOf = async (id: string) =>
      page.locator(`[data-testid=library-table] tbody:has(tr[data-article="${id}"])`).evaluate((tb) => ({
        event: tb.getAttribute('data-event'),
        members: [...tb.querySelectorAll('tr[data-article]')].map((r) => r.getAttribute('data-article')),
      }));
    const big = await groupOf(SEEDS.pressTv2018);
    expect(big.event).not.toBe('none');
    expect(big.members).toEqual(expect.arrayContaining([SEEDS.pressTv2018, SEEDS.yjc, SEEDS.deminorias, SEEDS.pembroke]));
    expect(big.members).not.toContain(SEEDS.pressTv2021);
    const alone = await groupOf(SEEDS.pressTv2021);
    expect(alone.event).not.toBe(big.event);
    expect(alone.members.filter((m) => (Object.values(SEEDS) as (string | null)[]).includes(m))).toEqual([SEEDS.pressTv2021]);
    await page.close();
  });

  it('sorts by word count when the column header is clicked, and keeps the sort in the address', async () => {
    const { page } = await openPage(browser, '/');
    await page.getByRole('button', { name: /^Words/ }).click();
    await page.waitForURL(/sort=-?words/);
    const header = page.getByRole('columnheader', { name: /Words/ });
    const direction = await header.getAttribute('aria-sort');
    expect(direction === 'ascending' || direction === 'descending').toBe(true);
    // Within each event group the rows follow the direction the header announces.
    const groups = await page.locator('[data-testid=library-table] tbody').evaluateAll((tbs) =>
      tbs.map((tb) => [...tb.querySelectorAll('tr[data-article] td:nth-child(5)')].map((c) => Number((c.textContent ?? '').replace(/,/g, '')))),
    );
    expect(groups.flat().length).toBeGreaterThanOrEqual(5);
    for (const g of groups) expect(g).toEqual([...g].sort((a, b) => (direction === 'ascending' ? a - b : b - a)));
    // The address alone restores the view.
    const again = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await again.goto(page.url(), { waitUntil: 'networkidle' });
    await expect(again.getByRole('columnheader', { name: /Words/ }).getAttribute('aria-sort')).resolves.toBe(direction);
    await again.close();
    await page.close();
  });

  it('filters the rows by the text typed into the filter box', async () => {
    const { page } = await openPage(browser, '/');
    await page.getByLabel('Filter by outlet, date or title').fill('deminorias');
    await page.waitForURL(/q=deminorias/);
    expect(await seedOrder(page)).toEqual([SEEDS.deminorias]);
    await page.close();
  });

  it('enables Compare only for two to six picked articles and opens their comparison in the order picked', async () => {
    const { page } = await openPage(browser, '/');
    const pick = (id: string) => page.locator(`[data-testid=library-table] tr[data-article="${id}"] input[type=checkbox]`).check();
    await pick(SEEDS.deminorias);
    await expect(page.getByTestId('compare-selected').isDisabled()).resolves.toBe(true);
    await pick(SEEDS.pressTv2018);
    await page.getByTestId('compare-selected').click();
    await page.waitForURL(/\/compare\?/);
    expect(new URL(page.url()).searchParams.get('articles')).toBe(`${SEEDS.deminorias},${SEEDS.pressTv2018}`);
    await page.locator('[data-row]').first().waitFor();
    await page.close();
  });

  it('shows the articles as cards with a sort menu at 390px, without horizontal scrolling', async () => {
    const { page } = await openPage(browser, '/', 390);
    await expect(page.getByTestId('library-cards').isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('library-table').isVisible()).resolves.toBe(false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.close();
  });
});
