/**
 * GET /api/export?articles=ID,ID,…&format=pdf&paper=a4|letter&orientation=auto|portrait|landscape: the
 * comparison printed to PDF by headless Chromium from the compare page itself (its print CSS, with
 * `print=1`), carrying every view option the page takes (hide, ref, bp, cand, classroom mode).
 */
import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { UnknownArticleError, getComparison } from '@/lib/server/library';
import { renderPdf } from '@/lib/server/pdf';
import { firstValue, searchParamsRecord } from '@/lib/view/params';
import { compareHref, parseCompareState } from '@/lib/view/url-state';
import { exportFileName } from '@/lib/view/export-name';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// A repeated option counts as its first value, as the compare page reads its own params.
const exportOptions = z.object({
  format: firstValue(z.enum(['pdf'], { error: 'format must be pdf (JSON and CSV are at /api/compare and /api/terms.csv)' }).default('pdf')),
  paper: firstValue(z.enum(['a4', 'letter'], { error: 'paper must be a4 or letter' }).default('a4')),
  orientation: firstValue(z.enum(['auto', 'portrait', 'landscape'], { error: 'orientation must be auto, portrait or landscape' }).default('auto')),
});

export async function GET(request: NextRequest): Promise<Response> {
  const params = searchParamsRecord(request.nextUrl.searchParams);
  const view = parseCompareState(params);
  if (!view.ok) return Response.json({ error: view.message, field: 'articles' }, { status: 400 });
  const options = exportOptions.safeParse(params);
  if (!options.success) {
    const issue = options.error.issues[0];
    return Response.json({ error: issue?.message ?? 'bad export options', field: String(issue?.path[0] ?? 'format') }, { status: 400 });
  }
  let report;
  try {
    report = await getComparison(view.state.articles);
  } catch (e) {
    if (e instanceof UnknownArticleError) return Response.json({ error: e.message, field: 'articles' }, { status: 404 });
    throw e;
  }
  const { paper, orientation } = options.data;
  // Two reports fit side by side on portrait paper; three or four columns need the width of landscape;
  // five or six are printed stacked row by row (data-print-layout in the aligned grid), which reads best upright.
  const count = view.state.articles.length;
  const landscape = orientation === 'landscape' || (orientation === 'auto' && count >= 3 && count <= 4);
  const page = new URL(`${compareHref(view.state)}&print=1`, selfOrigin(request));
  // Classroom mode (blind=1): the worksheet names no outlet, not even in its footer or file name; key=1 is the answer key.
  const { blind, key } = view.state;
  const kind = blind ? (key ? 'answer-key' : 'worksheet') : null;
  const footer = kind === 'worksheet' ? 'worksheet' : `${kind ? 'answer key · ' : ''}${report.event?.label ?? 'comparison'}`;
  const today = new Date().toISOString().slice(0, 10);
  const fileName = kind === 'worksheet' ? `parallax-worksheet-${today}.pdf` : exportFileName(report, 'pdf').replace(/^parallax-/, kind ? `parallax-${kind}-` : 'parallax-');
  let pdf: Uint8Array;
  try {
    pdf = await renderPdf(page.toString(), { paper, landscape, footerLabel: `Parallax · ${footer} · ${today}`, runningHead: columnsHead });
  } catch (e) {
    const reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
    console.error(`export: printing ${page.pathname}${page.search} failed: ${reason}`);
    return Response.json({ error: `the PDF could not be made: ${reason}` }, { status: 500 });
  }
  return new Response(pdf as BodyInit, {
    status: 200,
    headers: {
      'content-type': 'application/pdf',
      'content-length': String(pdf.byteLength),
      'content-disposition': `attachment; filename="${fileName}"`,
      'cache-control': 'no-store',
    },
  });
}

/**
 * Where this server's own Chromium reaches the app: loopback on the port `next start` (or `next dev`)
 * listens on, or PARALLAX_PRINT_ORIGIN when the server listens elsewhere. Never the request's Host
 * header, which the client chooses: the browser must not be sent to another host.
 */
function selfOrigin(request: NextRequest): string {
  const configured = process.env.PARALLAX_PRINT_ORIGIN;
  if (configured) return configured.replace(/\/+$/, '');
  if (process.env.PORT && /^\d+$/.test(process.env.PORT)) return `http://127.0.0.1:${process.env.PORT}`;
  return request.nextUrl.origin;
}

/**
 * The running head of a printout in columns: which report each column is, left to right, as the
 * page's own column heads name them (so a blind worksheet says "Source A", never an outlet). Runs in
 * the browser, so it must not use anything from this module.
 */
function columnsHead(): string {
  const heads = Array.from(document.querySelectorAll('.align-grid[data-print-layout="columns"] > .align-head > [role="columnheader"]')).slice(1);
  const names = heads.map((h) => ((h as HTMLElement).innerText || h.textContent || '').split('\n').map((s) => s.trim()).filter(Boolean).join(', '));
  return names.length > 1 ? `Columns, left to right: ${names.join('  ·  ')}` : '';
}
