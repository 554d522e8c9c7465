/**
 * PDF export end to end: comparisons printed through GET /api/export (and once through the command
 * line), read back with poppler-utils: page count and size (pdfinfo), words (pdftotext) and colour
 * on the page images (pdftoppm, read as PPM).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CompareReport } from '../../lib/types';
import { SEEDS, baseUrl } from './browser';
import { ROOT } from './server';

const work = mkdtempSync(path.join(tmpdir(), 'parallax-pdf-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let n = 0;
/** Exports through the running app and writes the PDF to a temporary file. */
async function exportPdf(query: string): Promise<{ res: Response; file: string }> {
  const res = await fetch(`${baseUrl()}/api/export?${query}`);
  const file = path.join(work, `export-${++n}.pdf`);
  writeFileSync(file, new Uint8Array(await res.arrayBuffer()));
  return { res, file };
}

function pdfinfo(file: string): { pages: number; size: string } {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return { pages: Number(/^Pages:\s+(\d+)/m.exec(out)?.[1] ?? 0), size: /^Page size:\s+(.+)$/m.exec(out)?.[1]?.trim() ?? '' };
}

/**
 * The PDF's text in content-stream order (`-raw`), white space made single spaces. Chromium paints
 * highlighted terms after the rest of their line, so a sentence with terms is not contiguous here:
 * use it for the page's own wording, and {@link pdfWords} for article text.
 */
function pdftext(file: string): string {
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).normalize('NFKC').replace(/\s+/g, ' ');
}

/** Every word in the PDF, lower case. */
function pdfWords(file: string): Set<string> {
  return new Set(pdftext(file).toLowerCase().match(/\p{L}+/gu) ?? []);
}

/**
 * Words of 7 letters or more that only this article uses among the compared ones, from its sentences
 * that are printed in full (boilerplate and page furniture are collapsed to a note on paper).
 */
function ownWords(r: CompareReport, id: string): string[] {
  const words = (a: CompareReport['articles'][number]) => {
    const shown = new Set(a.paragraphs.filter((p) => p.role !== 'chrome' && !p.boilerplate).map((p) => p.index));
    return new Set(a.sentences.filter((s) => shown.has(s.paragraph)).flatMap((s) => a.text.slice(s.start, s.end).normalize('NFKC').toLowerCase().match(/\p{L}{7,}/gu) ?? []));
  };
  const others = new Set(r.articles.filter((a) => a.id !== id).flatMap((a) => [...(a.text.toLowerCase().match(/\p{L}+/gu) ?? [])]));
  return [...words(r.articles.find((a) => a.id === id)!)].filter((w) => !others.has(w));
}

/** Pixels with clearly saturated colour over every page, rendered at 50 dpi (pdftoppm's default output is binary PPM, P6). */
function colourPixels(file: string): number {
  const dir = mkdtempSync(path.join(work, 'ppm-'));
  execFileSync('pdftoppm', ['-r', '50', file, path.join(dir, 'p')]);
  let count = 0;
  for (const name of readdirSync(dir)) {
    const buf = readFileSync(path.join(dir, name));
    // Header: magic, width, height, maxval, each followed by white space; then the samples.
    const header = /^(P[56])\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 64).toString('latin1'));
    if (!header || header[1] !== 'P6') continue;
    for (let i = header[0].length; i + 2 < buf.length; i += 3) {
      const r = buf[i]!;
      const g = buf[i + 1]!;
      const b = buf[i + 2]!;
      if (Math.max(r, g, b) - Math.min(r, g, b) > 60) count++;
    }
  }
  return count;
}

async function report(ids: string[]): Promise<CompareReport> {
  return (await (await fetch(`${baseUrl()}/api/compare?articles=${ids.join(',')}`)).json()) as CompareReport;
}

/** Checks that each article's own words are all in the PDF (and that there are enough to mean something). */
function expectArticlesPrinted(file: string, r: CompareReport) {
  const printed = pdfWords(file);
  for (const a of r.articles) {
    const own = ownWords(r, a.id);
    expect(own.length, a.id).toBeGreaterThan(10);
    expect(own.filter((w) => !printed.has(w)), a.id).toEqual([]);
  }
}

const A4 = /^595\.\d+ x 842\.\d+ pts \(A4\)$/;
const A4_LANDSCAPE = /^842\.\d+ x 595\.\d+ pts/;
const LETTER = /^612 x 792 pts \(letter\)$/;

describe('GET /api/export', () => {
  const pair = [SEEDS.pressTv2018, SEEDS.deminorias];

  it('prints two reports side by side on A4: both texts, legend, term table, sources, page numbers and colour', async () => {
    const { res, file } = await exportPdf(`articles=${pair.join(',')}&format=pdf&paper=a4`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="parallax-daraa-july-2018-\d{4}-\d{2}-\d{2}\.pdf"$/);
    const info = pdfinfo(file);
    expect(info.size).toMatch(A4);
    expect(info.pages).toBeGreaterThanOrEqual(4);
    const text = pdftext(file);
    const r = await report(pair);
    expectArticlesPrinted(file, r);
    expect(text).toContain('Takfiri militants agree to renounce violence');
    expect(text).toContain('Syrian rebels in south agree to resume talks');
    // The legend, the term table (every row, narrator and quoted counts), and the sources quoted.
    expect(text).toContain('How to read the highlights');
    expect(text).toContain('Terms by report');
    for (const row of r.terms) expect(text).toContain(`“${row.label}”`);
    expect(text).toMatch(/narrator quoted narrator quoted/);
    expect(text).toContain('Who is quoted');
    expect(text).toContain('Hussein Abazeed');
    expect(text).toMatch(/Hussein Abazeed named/i);
    // Title block, running head with the columns, footer with page numbers.
    expect(text).toMatch(/Made \d{1,2} \w{3} \d{4}, \d{2}:\d{2} UTC/);
    expect(text).toContain('Columns, left to right: Press TV, 6 Jul 2018 · deminorias.com, 10 Jul 2018');
    expect(text).toContain(`Page 1 of ${info.pages}`);
    expect(text).toContain(`Page ${info.pages} of ${info.pages}`);
    // Screen-only controls stay off paper.
    expect(text).not.toMatch(/Export PDF|Jump to the term table|Hover over or tab/);
    expect(colourPixels(file)).toBeGreaterThan(500);
  });

  it('prints on US Letter when asked', async () => {
    const { res, file } = await exportPdf(`articles=${pair.join(',')}&paper=letter`);
    expect(res.status).toBe(200);
    expect(pdfinfo(file).size).toMatch(LETTER);
  });

  it('prints three reports as three columns on landscape paper', async () => {
    const three = [SEEDS.pressTv2018, SEEDS.yjc, SEEDS.deminorias];
    const { res, file } = await exportPdf(`articles=${three.join(',')}`);
    expect(res.status).toBe(200);
    const info = pdfinfo(file);
    expect(info.size).toMatch(A4_LANDSCAPE);
    const text = pdftext(file);
    expectArticlesPrinted(file, await report(three));
    expect(text).toMatch(/Columns, left to right: Press TV, 6 Jul 2018 · [^·]+ · deminorias\.com, 10 Jul 2018/);
    expect(text).toContain('Who is quoted');
    expect(colourPixels(file)).toBeGreaterThan(500);
  });

  it('keeps portrait when the orientation is given', async () => {
    const { file } = await exportPdf(`articles=${SEEDS.pressTv2018},${SEEDS.yjc},${SEEDS.deminorias}&orientation=portrait`);
    expect(pdfinfo(file).size).toMatch(A4);
  });

  it('prints Arabic names, curly quotes and accented letters as they were written', async () => {
    const text =
      'Protesters gathered in Tunis on Monday, said Zoë Müller-Ibáñez, a researcher at the Université de Genève.\n\n' +
      '“We will not leave,” said محمد بن سلمان العمري, a student leader, while ‘Amr ʿAbd al-Raḥmān told reporters the talks had failed.\n\n' +
      'Police in the capital used tear gas near the ministry, according to the Agence France-Presse correspondent François Côté.';
    const created = await fetch(`${baseUrl()}/api/articles`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Crowds return to the avenue', outlet: 'Café Crème Gazette', published: '2024-03-04', text }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const { res, file } = await exportPdf(`articles=${id},${SEEDS.pembroke}`);
    expect(res.status).toBe(200);
    const out = pdftext(file);
    for (const words of ['Zoë Müller-Ibáñez', 'Université de Genève', 'François Côté', 'Café Crème Gazette', '“We will not leave,”', '‘Amr ʿAbd al-Raḥmān']) {
      expect(out).toContain(words);
    }
    // pdftotext puts the words of a right-to-left run in visual order, wrapped in bidi embedding marks:
    // each Arabic word must come back whole (NFKC above folds any presentation forms).
    const arabic = out.replace(/[\u202A-\u202E\u2066-\u2069]/g, '');
    for (const word of ['محمد', 'بن', 'سلمان', 'العمري']) expect(arabic).toContain(word);
  });

  it('answers 400 for an unknown paper size and 404 for an unknown article, without printing', async () => {
    const bad = await fetch(`${baseUrl()}/api/export?articles=${pair.join(',')}&paper=a3`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ field: 'paper' });
    expect((await fetch(`${baseUrl()}/api/export?articles=${SEEDS.yjc},no_such_article`)).status).toBe(404);
  });

  it('reads a repeated param by its first value, as the comparison page does', async () => {
    // The page would show the first pair; the export must not print the second one instead.
    const twice = await fetch(`${baseUrl()}/api/export?articles=${SEEDS.yjc},no_such_article&articles=${pair.join(',')}`);
    expect(twice.status).toBe(404);
    const paper = await fetch(`${baseUrl()}/api/export?articles=${pair.join(',')}&paper=a3&paper=a4`);
    expect(paper.status).toBe(400);
    expect(await paper.json()).toMatchObject({ field: 'paper' });
  });

  it('is linked from the comparison page as Export PDF, in A4 and US Letter, with the view options', async () => {
    const html = await (await fetch(`${baseUrl()}/compare?articles=${pair.join(',')}&hide=israel`)).text();
    const hrefs = [...html.matchAll(/href="(\/api\/export\?[^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    expect(hrefs).toEqual([`/api/export?articles=${pair.join(',')}&hide=israel&paper=a4`, `/api/export?articles=${pair.join(',')}&hide=israel&paper=letter`]);
    const { res, file } = await exportPdf(hrefs[0]!.split('?')[1]!);
    expect(res.status).toBe(200);
    expect(pdfinfo(file).size).toMatch(A4);
  });
});

describe('parallax export --pdf', () => {
  it('starts the app, prints the comparison and writes the file', () => {
    const file = path.join(work, 'cli.pdf');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'parallax.js'), 'export', SEEDS.pressTv2018, SEEDS.deminorias, '--pdf', file, '--paper', 'letter'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(r.stderr).toMatch(/wrote .*cli\.pdf/);
    expect(r.status).toBe(0);
    const info = pdfinfo(file);
    expect(info.size).toMatch(LETTER);
    expect(info.pages).toBeGreaterThanOrEqual(4);
    const text = pdftext(file);
    expect(text).toContain('Takfiri militants agree to renounce violence');
    expect(text).toContain('Terms by report');
  }, 300_000);
});
