import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the import page', () => {
  it('imports pasted text with its metadata, opens the article and lists it in the library', async () => {
    const { page, errors } = await openPage(browser, '/import');
    const title = `Orchard frost damages apple crop ${Date.now()}`;
    await page.getByLabel('Text', { exact: true }).fill('Growers in the northern valley said a late frost had destroyed half of the apple blossom.\n\nThe regional cooperative asked for emergency support.');
    await page.getByLabel(/^Title/).fill(title);
    await page.getByLabel('Outlet').fill('Valley Farm Weekly');
    await page.getByLabel('Date published').fill('2024-04-18');
    await page.getByLabel('Address (URL)').fill('https://example.org/frost');
    await page.getByRole('button', { name: 'Import' }).click();
    await page.waitForURL(/\/articles\/[A-Za-z0-9_-]+\?imported=1$/);
    await page.getByTestId('imported').waitFor();
    await expect(page.locator('h1').innerText()).resolves.toBe(title);
    // textContent, not innerText: a paragraph Parallax files as boilerplate is collapsed but still there.
    await expect(page.getByTestId('article-text').textContent()).resolves.toContain('destroyed half of the apple blossom');
    const id = new URL(page.url()).pathname.split('/').pop()!;
    await page.goto(new URL('/', page.url()).href, { waitUntil: 'networkidle' });
    const row = page.locator(`[data-testid=library-table] tr[data-article="${id}"]`);
    await expect(row.innerText()).resolves.toContain('Valley Farm Weekly');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('imports an uploaded HTML page as its main text only, and lists it in the library', async () => {
    const { page } = await openPage(browser, '/import');
    const marker = `tram-${Date.now()}`;
    const html = `<!doctype html><html><head><title>City tram line opens ${marker}</title><script>document.title = "SCRIPT-RAN"</script><style>body{color:red}</style></head><body>
      <nav><a href="/">Home</a> <a href="/city">City</a></nav>
      <article><h1>City tram line opens</h1>
        <p>The new tram line between the station and the university carried its first passengers on Saturday, the transport authority said.</p>
        <p>Officials expect eleven thousand riders a day once the autumn term begins, according to a report published by the council.</p>
        <p>Shopkeepers along the route complained that two years of roadworks had kept customers away from the old market street.</p>
        <p>Fares match the bus network, and a weekly pass covers both, said ${marker} spokeswoman Ana Ruiz.</p>
        <img src="x" onerror="document.body.dataset.pwned = 1"></article>
      <footer>Copyright City Paper</footer></body></html>`;
    await page.getByText('Upload a file').click();
    await page.locator('input[type=file]').setInputFiles({ name: 'tram.html', mimeType: 'text/html', buffer: Buffer.from(html) });
    await page.getByLabel('Outlet').fill('City Paper');
    await page.getByRole('button', { name: 'Import' }).click();
    await page.waitForURL(/\/articles\/[A-Za-z0-9_-]+\?imported=1$/);
    await page.getByTestId('imported').waitFor();
    const text = (await page.getByTestId('article-text').textContent()) ?? '';
    expect(text).toContain(`a weekly pass covers both, said ${marker} spokeswoman`);
    expect(text).toContain('two years of roadworks');
    expect(text).not.toMatch(/SCRIPT-RAN|Copyright City Paper|<p>|onerror/);
    await expect(page.locator('h1').innerText()).resolves.toContain(marker);
    expect(await page.evaluate(() => document.body.dataset.pwned)).toBeUndefined();
    const id = new URL(page.url()).pathname.split('/').pop()!;
    await page.goto(new URL('/', page.url()).href, { waitUntil: 'networkidle' });
    await expect(page.locator(`[data-testid=library-table] tr[data-article="${id}"]`).innerText()).resolves.toContain('City Paper');
    await page.close();
  });

  it('names the field at fault and stays on the form when the address is not a web address', async () => {
    const { page } = await openPage(browser, '/import');
    await page.getByLabel('Text', { exact: true }).fill('A short report about a bakery that reopened.');
    await page.getByLabel(/^Title/).fill('Bakery reopens');
    await page.getByLabel('Address (URL)').fill('ftp://example.org/bakery');
    await page.getByRole('button', { name: 'Import' }).click();
    const error = page.locator('[data-field-error=url]');
    await error.waitFor();
    await expect(error.innerText()).resolves.toMatch(/url/i);
    await expect(page.getByLabel('Address (URL)').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(new URL(page.url()).pathname).toBe('/import');
    await page.close();
  });
});
