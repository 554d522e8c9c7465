/** GET /api/terms.csv?articles=ID,ID: the term × outlet table (narrator and quoted counts per report) as CSV. */
import { compareFromRequest, downloadName } from '@/app/_lib/compare-request';
import { termTableCsv } from '@/lib/view/csv';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function GET(request: Request) {
  const lookup = await compareFromRequest(request);
  if (!lookup.ok) return lookup.response;
  // A byte-order mark so spreadsheet programs read the UTF-8 (curly quotes, Arabic names) correctly.
  return new Response(`\uFEFF${termTableCsv(lookup.report)}`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8; header=present',
      'Content-Disposition': `attachment; filename="${downloadName(lookup.report, 'csv').replace('.csv', '-terms.csv')}"`,
    },
  });
}
