/**
 * File names for downloads: the event's label and the date, reduced to characters no header or file
 * system misreads ("parallax-daraa-july-2018-2026-11-21.pdf").
 */
import type { CompareReport } from '../types';

export function exportFileName(report: Pick<CompareReport, 'event' | 'articles'>, ext: string, today = new Date()): string {
  const label = report.event?.label ?? report.articles.map((a) => a.id.slice(0, 12)).join('-');
  const slug = label
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `parallax-${slug || 'comparison'}-${today.toISOString().slice(0, 10)}.${ext}`;
}
