import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS, launchBrowser, openPage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Stop {
  tip: string | null;
  visible: boolean;
  text: string;
}

describe('keyboard access to the term explanations', () => {
  it('reaches every visible highlighted term with Tab and shows its explanation while it has focus', async () => {
    const { page } = await openPage(browser, `/compare?articles=${SEEDS.pressTv2018},${SEEDS.deminorias}`);
    const expected = await page.locator('[data-referent][tabindex="0"]').evaluateAll((els) =>
      els.filter((e) => (e as HTMLElement).checkVisibility()).map((e) => e.getAttribute('aria-describedby')),
    );
    expect(expected.length).toBeGreaterThan(20);
    const reached = new Map<string, Stop>();
    // Enough presses for every link, summary and control on the page as well as the terms.
    const limit = expected.length + 400;
    for (let i = 0; i < limit && reached.size < expected.length; i++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate((): Stop | null => {
        const el = document.activeElement;
        if (!(el instanceof HTMLElement) || !el.hasAttribute('data-referent')) return null;
        const tipId = el.getAttribute('aria-describedby');
        const tip = tipId ? document.getElementById(tipId) : null;
        return { tip: tipId, visible: !!tip?.checkVisibility(), text: tip?.innerText ?? '' };
      });
      if (stop?.tip) reached.set(stop.tip, stop);
    }
    expect([...reached.keys()].sort()).toEqual([...expected].sort());
    for (const stop of reached.values()) {
      expect(stop.visible, stop.tip ?? '').toBe(true);
      expect(stop.text).toMatch(/Wording: /);
      expect(stop.text).toMatch(/(neutral|delegitimising|legitimising) wording/i);
      expect(stop.text).toMatch(/^(Narrator|Quoted): /m);
      expect(stop.text).toMatch(/Source: \S/);
    }
    await page.close();
  });

  it('hides the explanation of the focused term on Escape and shows it again on the next focus', async () => {
    const { page } = await openPage(browser, `/articles/${SEEDS.pressTv2018}`);
    const term = page.locator('[data-referent][tabindex="0"]').first();
    await term.focus();
    const tip = page.locator(`#${await term.getAttribute('aria-describedby')}`);
    await expect(tip.isVisible()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await expect(tip.isVisible()).resolves.toBe(false);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    await expect(tip.isVisible()).resolves.toBe(true);
    await page.close();
  });
});
