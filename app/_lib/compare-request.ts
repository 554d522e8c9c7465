/** Shared by the download routes: reads `?articles=` and builds the comparison, or says which status to answer. */
import { UnknownArticleError, getComparisonView } from '@/lib/server/library';
import type { CompareReport } from '@/lib/types';
import { articleIdsSchema } from '@/lib/view/url-state';

export type CompareLookup = { ok: true; report: CompareReport } | { ok: false; response: Response };

export async function compareFromRequest(request: Request): Promise<CompareLookup> {
  const url = new URL(request.url);
  const parsed = articleIdsSchema.safeParse(url.searchParams.get('articles') ?? undefined);
  if (!parsed.success) {
    const message = parsed.error.issues.map((i) => i.message).join('; ');
    return { ok: false, response: Response.json({ error: message, field: 'articles' }, { status: 400 }) };
  }
  try {
    return { ok: true, report: (await getComparisonView(parsed.data)).comparison };
  } catch (e) {
    if (e instanceof UnknownArticleError) {
      return { ok: false, response: Response.json({ error: e.message, field: 'articles' }, { status: 404 }) };
    }
    throw e;
  }
}

/** A file name for downloads: the ids joined, clipped, with nothing a header could misread. */
export function downloadName(report: CompareReport, ext: string): string {
  const base = report.articles.map((a) => a.id.slice(0, 12)).join('_').replace(/[^A-Za-z0-9_-]/g, '');
  return `parallax-${base}.${ext}`;
}
