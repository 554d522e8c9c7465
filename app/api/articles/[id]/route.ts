/** GET /api/articles/:id: one article and its analysis. 400 for an id that is not plain, 404 for an unknown one. */
import { PLAIN_ID } from '@/lib/ingest';
import { getAnalysis } from '@/lib/server/library';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // The id is checked before anything is looked up, so no path can be built from it.
  if (!PLAIN_ID.test(id)) {
    return Response.json({ error: 'an article id is letters, digits, "-" and "_" only', field: 'id' }, { status: 400 });
  }
  const report = await getAnalysis();
  const article = report.articles.find((a) => a.id === id);
  if (!article) return Response.json({ error: `no article with id "${id}"`, field: 'id' }, { status: 404 });
  const events = report.events.filter((e) => e.articles.includes(id));
  return Response.json({ article, events });
}
