/**
 * Lexicon editing in the browser, over the e2e server's temporary copy of lexicons/: candidates and
 * their reasons, accepting one into the Syria lexicon, validation messages, removing an entry and
 * starting a topic lexicon. The tests run in order: the entry accepted first is the one removed later.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS, baseUrl, launchBrowser, openPage } from './browser';

// Pembroke Express is an article with candidates no lexicon term covers.
const ARTICLE = `/articles/${SEEDS.pembroke}`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});

/** The id of the entry the accept test added, so it is removed again even when a later test fails. */
let accepted: { id: string; text: string } | null = null;

afterAll(async () => {
  await browser?.close();
  if (!accepted) return;
  const doc = (await (await fetch(`${baseUrl()}/api/lexicons/syria`)).json()) as { version: string; lexicon?: { entries: { id: string }[] } };
  if (doc.lexicon?.entries.some((e) => e.id === accepted!.id)) {
    await fetch(`${baseUrl()}/api/lexicons/syria`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ version: doc.version, edits: [{ kind: 'remove-entry', id: accepted.id }] }),
    });
  }
});

/** Presses Tab until the focused element matches `selector`; returns whether it got there. */
async function tabTo(page: Page, selector: string, limit = 400): Promise<boolean> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return true;
  }
  return false;
}

/** Words of a highlighted span as a reader sees them (the "?" marker and code chips are generated content). */
async function markedTexts(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim().toLowerCase()));
}

describe('candidates on the article page', () => {
  it('marks candidates apart from terms, with data-candidate, and explains them on keyboard focus', async () => {
    const { page, errors } = await openPage(browser, ARTICLE);
    const candidates = page.locator('[data-testid=article-text] [data-candidate]');
    expect(await candidates.count()).toBeGreaterThan(0);
    // A candidate is never also a term: it has no referent colour or connotation.
    expect(await page.locator('[data-candidate][data-referent]').count()).toBe(0);
    expect(await candidates.first().evaluate((e) => getComputedStyle(e).outlineStyle)).toBe('dotted');

    expect(await tabTo(page, '[data-candidate]')).toBe(true);
    const tip = page.locator(`#${await page.evaluate(() => document.activeElement!.getAttribute('aria-describedby'))}`);
    await expect(tip.isVisible()).resolves.toBe(true);
    const text = await tip.innerText();
    expect(text).toMatch(/Flagged because/);
    expect(text.split('\n').length).toBeGreaterThan(2);
    // The next Tab reaches the explanation's own link, and the explanation stays open meanwhile.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-add-candidate'))).toBe(true);
    await expect(tip.isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('hides candidates with cand=0 in the URL and lists them beside the text otherwise', async () => {
    const { page } = await openPage(browser, `${ARTICLE}?cand=0`);
    expect(await page.locator('[data-candidate]').count()).toBe(0);
    await page.locator('[data-candidate-toggle=show]').click();
    await page.waitForURL((u) => !u.search.includes('cand=0'));
    await page.locator('[data-testid=article-text] [data-candidate]').first().waitFor();
    expect(await page.getByTestId('candidate-summary').locator('li').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('marks candidates on the comparison too, with a switch in the legend and the outlets’ words for one actor', async () => {
    const { page } = await openPage(browser, `/compare?articles=${SEEDS.pressTv2018},${SEEDS.deminorias}`);
    expect(await page.locator('[data-testid=aligned-grid] [data-candidate]').count()).toBeGreaterThan(0);
    const panel = page.getByTestId('proposed-referents');
    await expect(panel.innerText()).resolves.toMatch(/Different outlets’ words for the same actor|Different outlets' words for the same actor/);
    await expect(panel.innerText()).resolves.toMatch(/militants[\s\S]*rebels|rebels[\s\S]*militants/);
    await page.locator('[data-candidate-toggle=hide]').click();
    await page.waitForURL((u) => u.search.includes('cand=0'));
    await page.waitForFunction(() => !document.querySelector('[data-candidate]'));
    await page.close();
  });
});

describe('editing a lexicon', () => {
  it('accepts a candidate into the Syria lexicon and shows it as a term on reload', async () => {
    const { page, errors } = await openPage(browser, ARTICLE);
    const candidate = page.locator('[data-testid=article-text] [data-candidate]').first();
    const text = (await candidate.innerText()).trim();
    await candidate.focus();
    await page.locator('[data-add-candidate]:visible').first().click();
    await page.waitForURL(/\/lexicons\?add=/);
    await expect(page.getByTestId('wording-context').innerText()).resolves.toContain(text);
    await page.locator('[data-add-to=syria]').click();
    await page.waitForURL(/\/lexicons\/syria\?/);

    const form = page.getByTestId('add-entry-form');
    await expect(form.locator('input[name=label]').inputValue()).resolves.toBe(text);
    await form.locator('select[name=referent]').selectOption('syrian-government');
    await form.locator('[data-connotation-option="-1"]').check();
    await form.locator('textarea[name=note]').fill('Accepted in an end-to-end test.');
    await form.locator('input[name=sourceName]').fill('Parallax user');
    await form.getByRole('button', { name: 'Add to lexicon' }).click();
    await page.getByTestId('lexicon-status').waitFor();
    const id = await page.locator('[data-entry].ring-2').getAttribute('data-entry');
    expect(id).toBeTruthy();
    accepted = { id: id!, text };

    await page.getByTestId('back-to-article').click();
    await page.waitForURL((u) => u.pathname === ARTICLE);
    await page.locator('[data-testid=article-text] [data-referent=syrian-government]').first().waitFor();
    expect(await markedTexts(page, '[data-testid=article-text] [data-referent=syrian-government]')).toContain(text.toLowerCase());
    expect(await markedTexts(page, '[data-testid=article-text] [data-candidate]')).not.toContain(text.toLowerCase());
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the server’s validation message next to the field of a bad entry', async () => {
    const { page } = await openPage(browser, '/lexicons/syria?add=terrorists');
    const form = page.getByTestId('add-entry-form');
    await form.locator('select[name=referent]').selectOption('syrian-government');
    await form.getByRole('button', { name: 'Add to lexicon' }).click();
    const note = form.locator('textarea[name=note]');
    await page.waitForFunction(() => document.querySelector('textarea[name=note]')?.getAttribute('aria-invalid') === 'true');
    const noteMessage = await page.locator(`#${(await note.getAttribute('aria-describedby'))!.split(' ').pop()}`).innerText();
    expect(noteMessage).toMatch(/^note is required$/i);

    await note.fill('Names the government as terrorists.');
    await form.locator('[data-connotation-option="-2"]').check();
    await form.locator('input[name=sourceName]').fill('Parallax user');
    await form.getByRole('button', { name: 'Add to lexicon' }).click();
    const label = form.locator('input[name=label]');
    await page.waitForFunction(() => document.querySelector('input[name=label]')?.getAttribute('aria-invalid') === 'true');
    const labelMessage = await page.locator(`#${(await label.getAttribute('aria-describedby'))!.split(' ').pop()}`).innerText();
    expect(labelMessage).toMatch(/^variant "terrorists" is also claimed by entry "terrorists"; a wording can name only one referent/i);
    // Nothing was saved.
    const doc = (await (await fetch(`${baseUrl()}/api/lexicons/syria`)).json()) as { lexicon: { entries: { referent: string; label: string }[] } };
    expect(doc.lexicon.entries.filter((e) => e.label === 'terrorists').map((e) => e.referent)).toEqual(['armed-opposition']);
    await page.close();
  });

  it('removes the accepted entry, and the article no longer marks it as a term', async () => {
    expect(accepted).not.toBeNull();
    const { page } = await openPage(browser, `/lexicons/syria#entry-${accepted!.id}`);
    await page.locator(`[data-remove-entry="${accepted!.id}"]`).click();
    await page.locator(`[data-confirm-remove="${accepted!.id}"]`).click();
    await page.getByTestId('lexicon-status').waitFor();
    expect(await page.locator(`[data-entry="${accepted!.id}"]`).count()).toBe(0);
    await page.goto(`${baseUrl()}${ARTICLE}`, { waitUntil: 'networkidle' });
    expect(await markedTexts(page, '[data-testid=article-text] [data-referent]')).not.toContain(accepted!.text.toLowerCase());
    accepted = null;
    await page.close();
  });

  it('starts a new topic lexicon with its first wording', async () => {
    const { page, errors } = await openPage(browser, '/lexicons');
    await page.getByTestId('start-lexicon').click();
    await page.waitForURL(/\/lexicons\/new/);
    const form = page.getByTestId('new-lexicon-form');
    const suffix = Date.now().toString(36);
    await form.locator('input[name=title]').fill(`Housing wording ${suffix}`);
    await expect(form.locator('input[name=id]').inputValue()).resolves.toBe(`housing-wording-${suffix}`);
    await form.locator('textarea[name=description]').fill('How reports name tenants, landlords and housing policy.');
    await form.locator('input[name=label]').fill(`rent hikes ${suffix}`);
    await form.locator('input[name=referentName]').fill('Rent increases');
    await form.locator('input[name=referentDescription]').fill('Rises in what tenants pay.');
    await form.locator('[data-connotation-option="-1"]').check();
    await form.locator('textarea[name=note]').fill('“Hike” dramatises a rise.');
    await form.locator('input[name=sourceName]').fill('Parallax user');
    await form.getByRole('button', { name: 'Create the lexicon' }).click();
    await page.waitForURL(new RegExp(`/lexicons/housing-wording-${suffix}\\?created=1`));
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(`Housing wording ${suffix}`);
    await expect(page.locator('[data-entry]').innerText()).resolves.toContain(`rent hikes ${suffix}`);
    const list = await (await fetch(`${baseUrl()}/api/lexicons`)).json();
    expect((list as { lexicons: { id: string }[] }).lexicons.map((l) => l.id)).toContain(`housing-wording-${suffix}`);
    expect(errors).toEqual([]);
    await page.close();
  });
});
