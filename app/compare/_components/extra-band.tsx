/** A band of the grid for paragraphs the alignment leaves out: headlines side by side, captions, and collapsed page furniture. */
import { BoilerplateNote } from '@/app/_components/boilerplate-note';
import type { ComponentType } from 'react';
import { HighlightedText, type HighlightedTextProps } from '@/app/_components/highlighted-text';
import type { ColumnView, ParagraphView } from '@/lib/view/compare-model';
import { articleShortName } from '@/lib/view/compare-model';
import type { ReferentStyle } from '@/lib/view/referents';

export interface ExtraBandProps {
  kind: 'headline' | 'captions' | 'furniture';
  label: string;
  columns: ColumnView[];
  lists: ParagraphView[][];
  texts: ReadonlyMap<string, string>;
  styles: ReadonlyMap<string, ReferentStyle>;
  hidden: ReadonlySet<string>;
  boilerplateOpen: boolean;
  /** Renders each paragraph instead of HighlightedText (classroom mode adds redactions and student marks). */
  textComponent?: ComponentType<HighlightedTextProps> | undefined;
}

const TEXT_CLASS: Record<ExtraBandProps['kind'], string> = {
  headline: 'font-serif text-xl font-semibold leading-snug',
  captions: 'font-serif text-[0.95rem] italic leading-relaxed text-muted',
  furniture: 'text-sm text-muted',
};

export function ExtraBand({ kind, label, columns, lists, texts, styles, hidden, boilerplateOpen, textComponent: Text = HighlightedText }: ExtraBandProps) {
  if (lists.every((l) => l.length === 0)) return null;
  const cols = columns.length;
  return (
    <div role="row" data-band={kind} className={`align-row border-b border-rule/70 ${kind === 'furniture' ? 'bg-stone-100/40' : ''}`}>
      <div role="rowheader" className="px-1 pt-3 text-xs text-muted">
        <span className="sr-only">{label}</span>
      </div>
      {columns.map((column, i) => {
        const paras = lists[i] ?? [];
        return (
          <div key={column.id} role="cell" data-article={column.id} className="min-w-0 space-y-2 px-4 py-3 max-md:py-2">
            <span className="block text-[0.7rem] font-medium uppercase tracking-wider text-muted">
              <span className="normal-case tracking-normal text-ink md:hidden">{articleShortName(column)} · </span>
              {label}
            </span>
            {paras.length === 0 ? (
              <span className="text-sm text-muted">{kind === 'headline' ? 'No headline in the text.' : kind === 'captions' ? 'No captions.' : 'None.'}</span>
            ) : null}
            {paras.map((p) => {
              const body = (
                <Text
                  text={texts.get(p.article) ?? ''}
                  start={p.start}
                  end={p.end}
                  terms={p.terms}
                  candidates={p.candidates}
                  article={p.article}
                  styles={styles}
                  hidden={hidden}
                  idPrefix={`${p.article}-p${p.paragraph}`}
                  tipAlign={cols > 1 && i >= cols / 2 ? 'end' : 'start'}
                />
              );
              // A headline is always shown, even when other pages repeat it; furniture is collapsed.
              const boilerplate =
                kind === 'headline' ? null : (p.boilerplate ?? (p.role === 'chrome' ? { kind: 'chrome' as const, family: null, reason: p.reason, twins: [] } : null));
              return boilerplate ? (
                <details key={p.paragraph} open={boilerplateOpen} className="group" data-boilerplate={boilerplate.kind} data-paragraph={p.paragraph}>
                  <summary className="cursor-pointer list-none text-sm text-muted [&::-webkit-details-marker]:hidden">
                    <BoilerplateNote info={boilerplate} first />
                  </summary>
                  <p className={`mt-1 whitespace-pre-line pl-5 ${TEXT_CLASS[kind]}`}>{body}</p>
                </details>
              ) : (
                <p key={p.paragraph} data-role={p.role} data-paragraph={p.paragraph} className={`whitespace-pre-line ${TEXT_CLASS[kind]}`}>
                  {body}
                </p>
              );
            })}
          </div>
        );
      })}
    </div>
  );
}
