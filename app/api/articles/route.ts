/** POST /api/articles: imports one article (JSON text or html, or a multipart `file`) into the corpus; 201 {id}. */
import { saveArticle } from '@/lib/corpus';
import { parseImportRequest } from '@/app/_lib/import-request';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function POST(request: Request) {
  const parsed = await parseImportRequest(request);
  if (!parsed.ok) {
    const { status, field, message, unread } = parsed.refusal;
    // The rest of a refused body is read in the background (see DRAIN_BYTES), so the connection stays
    // sound; one announced too large to read closes it, so the client does not reuse a half-read socket.
    const headers = unread ? { Connection: 'close' } : undefined;
    return Response.json({ error: message, field }, { status, headers });
  }
  const id = await saveArticle(parsed.article);
  return Response.json({ id, href: `/articles/${id}` }, { status: 201, headers: { Location: `/articles/${id}` } });
}
