/** GET /api/compare?articles=ID,ID: the CompareReport as a JSON download. */
import { compareFromRequest, downloadName } from '@/app/_lib/compare-request';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function GET(request: Request) {
  const lookup = await compareFromRequest(request);
  if (!lookup.ok) return lookup.response;
  return new Response(JSON.stringify(lookup.report, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${downloadName(lookup.report, 'json')}"`,
    },
  });
}
