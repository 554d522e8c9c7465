/** The side-by-side grid: one grid row per aligned row, one column per article, empty where a report has no such sentence. */
import type { ComponentType, CSSProperties } from 'react';
import type { HighlightedTextProps } from '@/app/_components/highlighted-text';
import type { CompareModel, RowView } from '@/lib/view/compare-model';
import { articleShortName, formatDate } from '@/lib/view/compare-model';
import type { ReferentStyle } from '@/lib/view/referents';
import { connotationSign } from '@/lib/view/referents';
import { AlignedCell } from './aligned-cell';
import { ExtraBand } from './extra-band';

export interface AlignedGridProps {
  model: CompareModel;
  /** Every compared article's text, by id. */
  texts: ReadonlyMap<string, string>;
  styles: ReadonlyMap<string, ReferentStyle>;
  hidden: ReadonlySet<string>;
  boilerplateOpen: boolean;
  /** Renders each stretch of text instead of HighlightedText (classroom mode: redactions and student marks). */
  textComponent?: ComponentType<HighlightedTextProps> | undefined;
}

export function AlignedGrid({ model, texts, styles, hidden, boilerplateOpen, textComponent }: AlignedGridProps) {
  const cols = model.columns.length;
  const band = { columns: model.columns, texts, styles, hidden, boilerplateOpen, textComponent };
  return (
    <div
      role="table"
      aria-label="Sentences of each report, lined up so that the same fact sits on the same row"
      aria-colcount={cols + 1}
      className="align-grid"
      style={{ '--cols': cols } as CSSProperties}
      data-testid="aligned-grid"
      // On paper, up to four reports stay in columns; five or six read better stacked row by row (app/globals.css).
      data-print-layout={cols > 4 ? 'stacked' : 'columns'}
    >
      <div role="row" className="align-head sticky top-0 z-20 hidden border-b border-rule bg-paper/95 backdrop-blur md:grid">
        <div role="columnheader" className="px-1 py-2 text-xs text-muted">
          <span className="sr-only">Row</span>#
        </div>
        {model.columns.map((c) => (
          <div key={c.id} role="columnheader" className="min-w-0 px-4 py-2">
            <div className="truncate text-sm font-semibold">{c.outlet ?? 'Unknown outlet'}</div>
            <div className="truncate text-xs text-muted">{c.published ? formatDate(c.published) : 'undated'}</div>
          </div>
        ))}
      </div>
      <ExtraBand kind="headline" label="Headline" lists={model.extras.headline} {...band} />
      {model.rows.map((row) => (
        <GridRow key={row.index} row={row} model={model} texts={texts} styles={styles} hidden={hidden} boilerplateOpen={boilerplateOpen} textComponent={textComponent} />
      ))}
      <ExtraBand kind="captions" label="Photo captions" lists={model.extras.captions} {...band} />
      <ExtraBand kind="furniture" label="Page furniture and boilerplate" lists={model.extras.furniture} {...band} />
    </div>
  );
}

function GridRow({ row, model, texts, styles, hidden, boilerplateOpen, textComponent }: { row: RowView } & AlignedGridProps) {
  const cols = model.columns.length;
  const filled = row.cells.filter(Boolean).length;
  const allBoilerplate = row.cells.every((c) => c === null || c.boilerplate !== null);
  const onlyOne = row.cells.some((c) => c?.missingFrom);
  return (
    <div
      role="row"
      id={`row-${row.index + 1}`}
      data-row={row.index}
      data-similarity={row.similarity.toFixed(2)}
      className={allBoilerplate ? 'align-row grid-row bg-stone-100/40' : 'align-row grid-row'}
    >
      <div role="rowheader" className="row-head">
        <a href={`#row-${row.index + 1}`} className="hover:text-accent" aria-label={`Row ${row.index + 1}${filled > 1 ? `, ${Math.round(row.similarity * 100)}% alike` : ''}${onlyOne ? ', only in one report' : ''}`}>
          {row.index + 1}
        </a>
        {onlyOne ? (
          <span className="row-only" aria-hidden title="Only in one report">
            ◆
          </span>
        ) : null}
      </div>
      {row.cells.map((cell, i) => {
        const column = model.columns[i];
        if (!column) return null;
        if (!cell) {
          return (
            <div key={column.id} role="cell" data-empty="" data-article={column.id} className="cell-empty">
              <span className="sr-only">Not in {articleShortName(column)}</span>
            </div>
          );
        }
        return (
          <AlignedCell
            key={column.id}
            cell={cell}
            column={column}
            text={texts.get(cell.article) ?? ''}
            styles={styles}
            hidden={hidden}
            boilerplateOpen={boilerplateOpen}
            tipAlign={cols > 1 && i >= cols / 2 ? 'end' : 'start'}
            textComponent={textComponent}
          />
        );
      })}
      {row.swaps.length > 0 ? (
        <div className="col-span-full px-4 pb-3 text-sm text-muted md:col-start-2" data-swaps="">
          {row.swaps.map((swap) => {
            const style = styles.get(swap.referent);
            return (
              <p key={swap.referent} className="flex flex-wrap items-baseline gap-x-2" style={{ '--ref-ink': style?.ink, '--ref-tint': style?.tint } as CSSProperties}>
                <span className="ref-chip">{style?.code ?? '?'}</span>
                <span>{style?.name ?? swap.referent} named differently:</span>
                {model.columns
                  .filter((c) => swap.labels[c.id] !== undefined)
                  .map((c, k) => (
                    <span key={c.id}>
                      {k > 0 ? <span aria-hidden>· </span> : null}
                      <q className="text-ink">{swap.labels[c.id]}</q>{' '}
                      <span className="text-xs">
                        ({c.outlet ?? 'Unknown outlet'}
                        {swap.connotations[c.id] !== undefined ? `, ${connotationSign(swap.connotations[c.id]!)}` : ''})
                      </span>
                    </span>
                  ))}
              </p>
            );
          })}
        </div>
      ) : null}
    </div>
  );
}
