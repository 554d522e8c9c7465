/**
 * PDF rendering: prints a page of the running app with headless Chromium (Debian's `chromium`, driven
 * by playwright-core), so paper shows exactly what the page's print CSS shows. One browser and one
 * browser context per server process; print tabs are kept and reused from one export to the next.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export type Paper = 'a4' | 'letter';

export interface PdfOptions {
  paper: Paper;
  landscape: boolean;
  /** Shown in the footer of every page beside the page number. */
  footerLabel: string;
  /**
   * Runs in the printed page once it is ready and returns the running head printed at the top of every
   * page ('' for none). It reads the page, so it names exactly what the page shows (a blind worksheet
   * names no outlet). Must be self-contained: Playwright sends its source text to the browser.
   */
  runningHead?: () => string;
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

/** How long one export may wait for its page before giving up. */
const PAGE_TIMEOUT_MS = 30_000;

// Kept on globalThis so Next's module reloading in development does not leak browsers.
const holder = globalThis as typeof globalThis & {
  __parallaxBrowser?: Promise<Browser> | undefined;
  __parallaxContext?: Promise<BrowserContext> | undefined;
  __parallaxIdleTabs?: Page[] | undefined;
};

/** The process's one browser, launched on first use and relaunched if it ever disconnects. */
export function sharedBrowser(): Promise<Browser> {
  if (!holder.__parallaxBrowser) {
    const launching = chromium
      .launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
      .then((browser) => {
        browser.on('disconnected', () => {
          if (holder.__parallaxBrowser === launching) {
            holder.__parallaxBrowser = undefined;
            holder.__parallaxContext = undefined;
            holder.__parallaxIdleTabs = undefined;
          }
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

/**
 * The browser context every export opens its tab in. Exports print public pages of the app and keep
 * no cookies or storage, so sharing one context is safe, and it saves creating one per export.
 */
function sharedContext(): Promise<BrowserContext> {
  if (!holder.__parallaxContext) {
    const creating = sharedBrowser().then((browser) => browser.newContext({ locale: 'en-GB', javaScriptEnabled: true }));
    creating.catch(() => {
      if (holder.__parallaxContext === creating) holder.__parallaxContext = undefined;
    });
    holder.__parallaxContext = creating;
  }
  return holder.__parallaxContext;
}

/** A tab set up for printing: print media, and the page's script bundles never fetched. */
async function openPrintTab(): Promise<Page> {
  const page = await (await sharedContext()).newPage();
  page.setDefaultTimeout(PAGE_TIMEOUT_MS);
  // The server-rendered HTML is the whole printout; hydrating it would only cost time, so the page's
  // script bundles are not fetched. (The small inline scripts that reveal streamed parts still run.)
  await page.route(/\/_next\/static\/.+\.js(?:\?|$)/, (route) => route.abort());
  await page.emulateMedia({ media: 'print' });
  return page;
}

/** Idle print tabs, reused by later exports: a fresh tab costs a renderer process, a fifth of an export's CPU. */
const MAX_IDLE_TABS = 2;

function idleTabs(): Page[] {
  return (holder.__parallaxIdleTabs ??= []);
}

async function takePrintTab(): Promise<Page> {
  const idle = idleTabs();
  for (let page = idle.pop(); page; page = idle.pop()) if (!page.isClosed()) return page;
  return openPrintTab();
}

/** Keeps a tab that printed cleanly for the next export; closes one that failed (it may be stuck mid-load). */
function releasePrintTab(page: Page, reusable: boolean): void {
  const idle = idleTabs();
  if (reusable && !page.isClosed() && idle.length < MAX_IDLE_TABS) idle.push(page);
  else void page.close().catch(() => undefined);
}

/** Starts the browser and a print tab ahead of the first export, so that export does not pay for them. */
export async function warmUpPdf(): Promise<void> {
  releasePrintTab(await takePrintTab(), true);
}

/** Closes the shared browser (for command-line runs that must exit). */
export async function closeSharedBrowser(): Promise<void> {
  const pending = holder.__parallaxBrowser;
  holder.__parallaxBrowser = undefined;
  holder.__parallaxContext = undefined;
  holder.__parallaxIdleTabs = undefined;
  if (pending) await (await pending).close().catch(() => undefined);
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// Header and footer templates are tiny separate documents: their styles must be inline.
const MARGIN_STYLE = 'font-family:sans-serif;font-size:7.5px;color:#444;width:100%;padding:0 10mm;';

function headerTemplate(text: string): string {
  if (!text) return '<span></span>';
  return `<div style="${MARGIN_STYLE}white-space:nowrap;overflow:hidden;text-overflow:ellipsis">${escapeHtml(text)}</div>`;
}

function footerTemplate(label: string): string {
  return `<div style="${MARGIN_STYLE}display:flex;justify-content:space-between;gap:8mm">
    <span style="overflow:hidden;white-space:nowrap;text-overflow:ellipsis">${escapeHtml(label)}</span>
    <span style="white-space:nowrap">Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;
}

/**
 * Loads `url` as print media and returns the PDF bytes. Throws with the HTTP status when the page
 * does not load, so a bad request never yields an empty PDF.
 */
export async function renderPdf(url: string, options: PdfOptions): Promise<Uint8Array> {
  const page = await takePrintTab();
  let printed = false;
  try {
    const response = await page.goto(url, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
    if (!response || !response.ok()) throw new Error(`the page to print answered ${response?.status() ?? 'nothing'}: ${url}`);
    // Next.js streams a page behind its loading.tsx (marked aria-busy): wait until the real content replaced it.
    await page.waitForFunction(() => !!document.querySelector('main') && !document.querySelector('[aria-busy="true"]'));
    await page.evaluate(() => document.fonts.ready);
    const head = options.runningHead ? await page.evaluate(options.runningHead) : '';
    const pdf = await page.pdf({
      format: options.paper === 'letter' ? 'Letter' : 'A4',
      landscape: options.landscape,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: headerTemplate(head),
      footerTemplate: footerTemplate(options.footerLabel),
      margin: { top: '14mm', bottom: '14mm', left: '10mm', right: '10mm' },
      // Not tagged: tagging (and the outline, which needs it) added about a third to the printing time
      // of a comparison, and the accessible form of a comparison is the web page itself.
      outline: false,
      tagged: false,
    });
    printed = true;
    return new Uint8Array(pdf);
  } finally {
    releasePrintTab(page, printed);
  }
}
