/**
 * PDF rendering: prints a page of the running app with headless Chromium (Debian's `chromium`, driven
 * by playwright-core), so paper shows exactly what the screen shows. One browser per server process,
 * a fresh context per export.
 */
import { chromium, type Browser } from 'playwright-core';

export type Paper = 'a4' | 'letter';

export interface PdfOptions {
  paper: Paper;
  landscape: boolean;
  /** Shown in the footer of every page beside the page number. */
  footerLabel: string;
}

/** Chromium flags for a closed network and running as root: no sandbox, no background fetches. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function chromiumPath(): string {
  return process.env.PARALLAX_CHROMIUM ?? '/usr/bin/chromium';
}

// Kept on globalThis so Next's module reloading in development does not leak browsers.
const holder = globalThis as typeof globalThis & { __parallaxBrowser?: Promise<Browser> | undefined };

/** The process's one browser, launched on first use and relaunched if it ever disconnects. */
export function sharedBrowser(): Promise<Browser> {
  if (!holder.__parallaxBrowser) {
    const launching = chromium
      .launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
      .then((browser) => {
        browser.on('disconnected', () => {
          if (holder.__parallaxBrowser === launching) holder.__parallaxBrowser = undefined;
        });
        return browser;
      })
      .catch((e: unknown) => {
        holder.__parallaxBrowser = undefined;
        throw new Error(
          `could not start Chromium at ${chromiumPath()} (${e instanceof Error ? e.message.split('\n')[0] : String(e)}); ` +
            'install it with "apt-get install chromium" or set PARALLAX_CHROMIUM to its path',
        );
      });
    holder.__parallaxBrowser = launching;
  }
  return holder.__parallaxBrowser;
}

/** Closes the shared browser (for command-line runs that must exit). */
export async function closeSharedBrowser(): Promise<void> {
  const pending = holder.__parallaxBrowser;
  holder.__parallaxBrowser = undefined;
  if (pending) await (await pending).close().catch(() => undefined);
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Loads `url` as print media and returns the PDF bytes. Throws with the HTTP status when the page
 * does not load, so a bad request never yields an empty PDF.
 */
export async function renderPdf(url: string, options: PdfOptions): Promise<Uint8Array> {
  const browser = await sharedBrowser();
  const context = await browser.newContext({ locale: 'en-GB', javaScriptEnabled: true });
  try {
    const page = await context.newPage();
    await page.emulateMedia({ media: 'print' });
    const response = await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    if (!response || !response.ok()) throw new Error(`the page to print answered ${response?.status() ?? 'nothing'}: ${url}`);
    await page.evaluate(() => document.fonts.ready);
    const footer = `<div style="font-size:8px;width:100%;padding:0 10mm;display:flex;justify-content:space-between;color:#444;font-family:sans-serif">
      <span>${escapeHtml(options.footerLabel)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;
    const pdf = await page.pdf({
      format: options.paper === 'letter' ? 'Letter' : 'A4',
      landscape: options.landscape,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: footer,
      margin: { top: '12mm', bottom: '16mm', left: '10mm', right: '10mm' },
      outline: true,
      tagged: true,
    });
    return new Uint8Array(pdf);
  } finally {
    await context.close().catch(() => undefined);
  }
}
