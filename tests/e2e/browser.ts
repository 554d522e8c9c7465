/** End-to-end browser helpers: headless Debian Chromium through playwright-core, and the app's base URL. */
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '../../lib/server/pdf';

/** The running app's base URL (set by the global setup); fails loudly when the setup did not start it. */
export function baseUrl(): string {
  const url = inject('baseUrl');
  if (!url) throw new Error('no app server: run the e2e tests through `npm test` or `vitest run tests/e2e` (global setup starts it)');
  return url;
}

/** The corpus folder the app under test serves (a temporary copy), or '' for an outside server. */
export function corpusDir(): string {
  return inject('corpusDir');
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

/** Opens a page at `path` with the given viewport width; collects page errors so a test can assert there were none. */
/**
 * Waits until React has hydrated the page: neither networkidle nor the skeleton's absence means it
 * has, and a control clicked or text selected before then meets no listener (the classroom flake).
 * Hydrated elements carry React's `__reactFiber$…` key, server-rendered ones included, so every
 * control and test-marked element of the page having one means the whole page is interactive.
 */
export async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const els = document.querySelectorAll('#main [data-testid], #main button, #main input, #main select, #main textarea, #main a');
    for (const el of els) if (!Object.keys(el).some((k) => k.startsWith('__reactFiber$'))) return false;
    return true;
  });
}

export async function openPage(browser: Browser, path: string, width = 1440): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${baseUrl()}${path}`, { waitUntil: 'networkidle' });
  // A streamed page first shows its loading.tsx skeleton (marked aria-busy); wait for the real content.
  await page.waitForFunction(() => !document.querySelector('[aria-busy=true]'));
  await hydrated(page);
  return { page, errors };
}

export const SEEDS = {
  pressTv2018: '000_aa3b1d39a0c4470b',
  pressTv2021: '001_d6d9fc5bcd022e88',
  yjc: '002_5e2392d7e9ddb078',
  deminorias: '003_0702bf80221a2f16',
  pembroke: '004_1a7acaa75544b218',
} as const;
