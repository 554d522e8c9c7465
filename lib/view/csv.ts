/**
 * The term × outlet table as CSV (RFC 4180): one row per wording, narrator and quoted counts per
 * article, every field quoted when it needs to be and guarded against spreadsheet formulas.
 */
import type { CompareReport } from '../types';
import { connotationWords, humanise } from './referents';

/**
 * Quotes one CSV field. Text that a spreadsheet would run as a formula (starting with = + - @, tab
 * or carriage return) gets a leading apostrophe, since outlet names and titles come from imports.
 */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Joins rows of fields into CSV text with CRLF line ends, as RFC 4180 asks. */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** A column heading for one article: outlet and date, plus the id so two pieces by one outlet stay apart. */
export function articleHeading(a: { id: string; outlet: string | null; published: string | null }): string {
  return `${a.outlet ?? 'Unknown outlet'}${a.published ? ` ${a.published}` : ''} [${a.id}]`;
}

/** The term table of a comparison as CSV text. */
export function termTableCsv(report: CompareReport): string {
  const names = new Map(report.referents.map((r) => [r.id, r.name]));
  const header: string[] = ['referent', 'referent_name', 'label', 'connotation', 'connotation_words'];
  for (const a of report.articles) header.push(`${articleHeading(a)} narrator`, `${articleHeading(a)} quoted`);
  header.push('total');
  const rows: (string | number)[][] = [header];
  for (const t of report.terms) {
    const row: (string | number)[] = [t.referent, names.get(t.referent) ?? humanise(t.referent), t.label, t.connotation, connotationWords(t.connotation)];
    let total = 0;
    for (const a of report.articles) {
      const c = t.counts[a.id] ?? { narrator: 0, quoted: 0 };
      row.push(c.narrator, c.quoted);
      total += c.narrator + c.quoted;
    }
    row.push(total);
    rows.push(row);
  }
  return toCsv(rows);
}
