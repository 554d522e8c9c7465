/**
 * GET /api/export?articles=ID,ID,…&format=pdf: the comparison printed to PDF by headless Chromium from
 * the compare page itself (print CSS), with the same view options as the page (hide, ref, bp).
 */
import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { UnknownArticleError, getComparison } from '@/lib/server/library';
import { renderPdf } from '@/lib/server/pdf';
import { compareHref, parseCompareState, type RawSearchParams } from '@/lib/view/url-state';
import { exportFileName } from '@/lib/view/export-name';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const exportOptions = z.object({
  format: z.enum(['pdf'], { error: 'format must be pdf (JSON and CSV are at /api/compare and /api/terms.csv)' }).default('pdf'),
  paper: z.enum(['a4', 'letter'], { error: 'paper must be a4 or letter' }).default('a4'),
  orientation: z.enum(['auto', 'portrait', 'landscape'], { error: 'orientation must be auto, portrait or landscape' }).default('auto'),
});

export async function GET(request: NextRequest): Promise<Response> {
  const params: RawSearchParams = Object.fromEntries(request.nextUrl.searchParams.entries());
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
  // Two reports fit side by side on portrait paper; three or more need the width of landscape.
  const landscape = orientation === 'landscape' || (orientation === 'auto' && view.state.articles.length > 2);
  const page = new URL(`${compareHref(view.state)}&print=1`, request.nextUrl.origin);
  const pdf = await renderPdf(page.toString(), {
    paper,
    landscape,
    footerLabel: `Parallax · ${report.event?.label ?? 'comparison'} · ${new Date().toISOString().slice(0, 10)}`,
  });
  return new Response(pdf as BodyInit, {
    status: 200,
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${exportFileName(report, 'pdf')}"`,
      'cache-control': 'no-store',
    },
  });
}
