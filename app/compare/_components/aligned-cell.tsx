/** One report's sentence in an aligned row: highlighted text, its paragraph role, boilerplate note and "only here" badge. */
import type { ComponentType } from 'react';
import { HighlightedText, type HighlightedTextProps } from '@/app/_components/highlighted-text';
import type { CellView, ColumnView } from '@/lib/view/compare-model';
import { articleShortName } from '@/lib/view/compare-model';
import type { ReferentStyle } from '@/lib/view/referents';
import { BoilerplateNote } from '@/app/_components/boilerplate-note';

export interface AlignedCellProps {
  cell: CellView;
  column: ColumnView;
  text: string;
  styles: ReadonlyMap<string, ReferentStyle>;
  hidden: ReadonlySet<string>;
  boilerplateOpen: boolean;
  tipAlign: 'start' | 'end';
  /** Renders the sentence instead of HighlightedText (classroom mode adds redactions and student marks). */
  textComponent?: ComponentType<HighlightedTextProps> | undefined;
}

const ROLE_LABEL: Record<string, string> = { title: 'Headline', caption: 'Caption', chrome: 'Site furniture' };

export function AlignedCell({ cell, column, text, styles, hidden, boilerplateOpen, tipAlign, textComponent: Text = HighlightedText }: AlignedCellProps) {
  const body = (
    <Text
      text={text}
      start={cell.start}
      end={cell.end}
      terms={cell.terms}
      changes={cell.changes}
      candidates={cell.candidates}
      article={cell.article}
      styles={styles}
      hidden={hidden}
      idPrefix={`${cell.article}-${cell.sentence}`}
      tipAlign={tipAlign}
    />
  );
  // Short classes from globals.css: the grid repeats them in every cell.
  const roleClass = `cell-${cell.role}`;
  return (
    <div
      role="cell"
      data-article={cell.article}
      data-sentence={cell.sentence}
      data-role={cell.role}
      data-boilerplate={cell.boilerplate ? cell.boilerplate.kind : undefined}
      data-omission={cell.missingFrom ? '' : undefined}
      className={cell.paragraphStart ? 'align-cell align-cell-para' : 'align-cell'}
    >
      <div className="cell-mobile">
        <span className="font-semibold text-ink">{articleShortName(column)}</span>
        {cell.missingFrom ? <span>· only in this report</span> : null}
      </div>
      {ROLE_LABEL[cell.role] && cell.paragraphStart ? (
        <span className="mb-1 block text-[0.7rem] font-medium uppercase tracking-wider text-muted" title={cell.reason?.explanation}>
          {ROLE_LABEL[cell.role]}
        </span>
      ) : null}
      {cell.boilerplate ? (
        <details open={boilerplateOpen} className="group">
          <summary className="cursor-pointer list-none text-sm text-muted marker:hidden [&::-webkit-details-marker]:hidden">
            <BoilerplateNote info={cell.boilerplate} first={cell.boilerplateFirst} />
          </summary>
          <p className={`mt-1 ${roleClass}`}>{body}</p>
        </details>
      ) : (
        <p className={roleClass}>{body}</p>
      )}
    </div>
  );
}
