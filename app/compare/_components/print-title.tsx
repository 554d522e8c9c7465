/**
 * The strip above a printed comparison: what the document is and when it was made. Paper only
 * (hidden on screen), so the PDF export and the browser's own print both carry it.
 */

/** "21 Nov 2026, 14:25 UTC": locale-free, so every server prints the same words. */
export function madeAt(date: Date): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const hh = String(date.getUTCHours()).padStart(2, '0');
  const mm = String(date.getUTCMinutes()).padStart(2, '0');
  return `${date.getUTCDate()} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()}, ${hh}:${mm} UTC`;
}

/** `grouped`: the reports were grouped as one event (the header then names it). */
export function PrintTitle({ reports, grouped, made = new Date() }: { reports: number; grouped: boolean; made?: Date }) {
  return (
    <div className="hidden items-baseline justify-between gap-4 border-b border-ink pb-1.5 text-xs print:flex" data-print-title="">
      <span className="font-semibold uppercase tracking-wider">
        Parallax · {reports} reports{grouped ? ' of one event' : ''}, side by side
      </span>
      <span className="text-muted">Made {madeAt(made)}</span>
    </div>
  );
}
