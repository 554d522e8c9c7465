/** "Only in this report": per report, the sentences the other compared reports do not carry, linked to their rows. */
import type { CompareReport } from '@/lib/types';
import type { CompareModel } from '@/lib/view/compare-model';
import { articleShortName } from '@/lib/view/compare-model';

export interface OmissionsListProps {
  report: CompareReport;
  model: CompareModel;
  /** The text of `[start, end)` of an article as shown (classroom blind mode redacts it); default: the plain slice. */
  quote?: (article: string, start: number, end: number) => string;
}

export function OmissionsList({ report, model, quote: quoteOf }: OmissionsListProps) {
  const rowOf = new Map<string, number>();
  for (const row of model.rows) for (const c of row.cells) if (c) rowOf.set(`${c.article}#${c.sentence}`, row.index);
  const byArticle = new Map<string, typeof report.omissions>();
  for (const o of report.omissions) {
    const list = byArticle.get(o.article);
    if (list) list.push(o);
    else byArticle.set(o.article, [o]);
  }
  const texts = new Map(report.articles.map((a) => [a.id, a.text]));
  if (report.omissions.length === 0) {
    return <p className="text-muted">Every sentence of these reports has a counterpart in another report.</p>;
  }
  return (
    <div className="grid gap-x-8 gap-y-6" style={{ gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 22rem), 1fr))' }} data-testid="omissions">
      {model.columns.map((c) => {
        // In reading order of the grid, so "row 2" comes before "row 12".
        const list = [...(byArticle.get(c.id) ?? [])].sort(
          (a, b) => (rowOf.get(`${a.article}#${a.sentence}`) ?? 1e9) - (rowOf.get(`${b.article}#${b.sentence}`) ?? 1e9),
        );
        return (
          <section key={c.id} aria-label={`Only in ${articleShortName(c)}`} className="min-w-0">
            <h3 className="mb-2 font-semibold">
              Only in {articleShortName(c)} <span className="font-normal text-muted">({list.length})</span>
            </h3>
            {list.length === 0 ? (
              <p className="text-sm text-muted">Nothing: each of its sentences appears in another report too.</p>
            ) : (
              <ol className="space-y-2 text-sm">
                {list.map((o) => {
                  const row = rowOf.get(`${o.article}#${o.sentence}`);
                  const quote = (quoteOf ? quoteOf(o.article, o.start, o.end) : (texts.get(o.article) ?? '').slice(o.start, o.end)).trim();
                  return (
                    <li key={o.sentence} className="font-serif leading-relaxed" data-omission-item="">
                      {row !== undefined ? (
                        <a href={`#row-${row + 1}`} className="mr-1.5 font-sans text-xs text-accent hover:underline">
                          row {row + 1}
                        </a>
                      ) : null}
                      {quote.length > 240 ? `${quote.slice(0, 240)}…` : quote}
                    </li>
                  );
                })}
              </ol>
            )}
          </section>
        );
      })}
    </div>
  );
}
