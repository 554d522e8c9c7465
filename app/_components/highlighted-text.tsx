/** Renders a stretch of article text with term highlights, candidate wordings and word changes as nested React elements. */
import { cache, type CSSProperties, type ReactNode } from 'react';
import { buildSegments, type Mark, type Segment } from '@/lib/view/segments';
import { connotationSign, connotationUnderline, connotationWords, humanise, voiceWords, type ReferentStyle } from '@/lib/view/referents';
import { editEntryHref, uncoveredCandidates } from '@/lib/view/candidates';
import type { Candidate, TermHit, WordChange } from '@/lib/types';
import { CandidateMark } from './candidate-mark';

type HighlightData = { kind: 'term'; hit: TermHit } | { kind: 'candidate'; candidate: Candidate } | { kind: 'change'; change: WordChange };

export interface HighlightedTextProps {
  text: string;
  start: number;
  end: number;
  terms: readonly TermHit[];
  changes?: readonly WordChange[];
  /** Candidate wordings (no lexicon entry); any a term covers are left out. */
  candidates?: readonly Candidate[];
  /** The article the text belongs to, carried into "Add to lexicon" and "Edit" links. */
  article?: string;
  styles: ReadonlyMap<string, ReferentStyle>;
  /** Referents whose highlights are switched off: their words render as plain text. */
  hidden?: ReadonlySet<string>;
  /** Makes tooltip ids unique on the page (e.g. the article id). */
  idPrefix: string;
  /** Open tooltips toward the left (for the right-hand columns). */
  tipAlign?: 'start' | 'end';
}

/** The text of `[start, end)` with terms (outer layer) and changes (inner layer) marked up. */
export function HighlightedText({ text, start, end, terms, changes = [], candidates = [], article, styles, hidden, idPrefix, tipAlign = 'start' }: HighlightedTextProps) {
  const termMarks: Mark<HighlightData>[] = terms
    .filter((t) => !hidden?.has(t.referent))
    .map((hit) => ({ start: hit.start, end: hit.end, data: { kind: 'term', hit } }));
  // Candidates share the outer layer with terms; those a term covers (even a hidden one) are dropped first.
  for (const candidate of uncoveredCandidates(candidates, terms)) termMarks.push({ start: candidate.start, end: candidate.end, data: { kind: 'candidate', candidate } });
  const changeMarks: Mark<HighlightData>[] = changes.map((change) => ({ start: change.start, end: change.end, data: { kind: 'change', change } }));
  const segments = buildSegments(start, end, [termMarks, changeMarks]);
  return <>{renderSegments(segments, { text, styles, idPrefix, tipAlign, article })}</>;
}

interface RenderContext {
  article: string | undefined;
  text: string;
  styles: ReadonlyMap<string, ReferentStyle>;
  idPrefix: string;
  tipAlign: 'start' | 'end';
}

function renderSegments(segments: Segment<HighlightData>[], ctx: RenderContext): ReactNode[] {
  return segments.map((s) => {
    const key = `${s.start}-${s.end}-${s.kind === 'mark' ? s.layer : 't'}`;
    // Plain text needs no element of its own (nor a key): it is most of the page's nodes.
    if (s.kind === 'text') return ctx.text.slice(s.start, s.end);
    const children = renderSegments(s.children, ctx);
    if (s.data.kind === 'change') {
      return (
        <mark key={key} className={`chg chg-${s.data.change.kind}`} data-change={s.data.change.kind}>
          {children}
        </mark>
      );
    }
    if (s.data.kind === 'candidate') {
      return (
        <CandidateMark key={key} candidate={s.data.candidate} tipId={`cand-${ctx.idPrefix}-${s.data.candidate.start}`} tipAlign={ctx.tipAlign} article={ctx.article}>
          {children}
        </CandidateMark>
      );
    }
    return <Term key={key} hit={s.data.hit} ctx={ctx}>{children}</Term>;
  });
}

function Term({ hit, ctx, children }: { hit: TermHit; ctx: RenderContext; children: ReactNode }) {
  const style = ctx.styles.get(hit.referent);
  const code = style?.code ?? '?';
  const tipId = `tip-${ctx.idPrefix}-${hit.start}`;
  const cssVars = { '--ref-ink': style?.ink ?? '#555', '--ref-tint': style?.tint ?? '#eee' } as CSSProperties;
  const source = hit.entry.source;
  return (
    <span className={`term-wrap tip-${ctx.tipAlign}`} style={cssVars}>
      <span
        className={`term u-${connotationUnderline(hit.connotation)}`}
        tabIndex={0}
        aria-describedby={tipId}
        data-referent={hit.referent}
        data-connotation={hit.connotation}
        data-voice={hit.voice}
        data-code={`${code}${hit.connotation === 0 ? '' : connotationSign(hit.connotation)}`}
      >
        {children}
      </span>
      {/* One string per line where possible: a tooltip is rendered for every highlighted word. */}
      <span role="tooltip" id={tipId} className="term-tip">
        {referentPart(code, style?.name ?? humanise(hit.referent), style?.description ?? '')}
        <span>
          Wording: <q>{hit.label}</q>
        </span>
        <span>{`${capitalise(connotationWords(hit.connotation))} (${hit.connotation > 0 ? '+' : ''}${hit.connotation})`}</span>
        <span>{`${hit.voice === 'quoted' ? 'Quoted' : 'Narrator'}: ${voiceWords(hit.voice, hit.quote)}`}</span>
        {entryPart(hit.entry.note ?? '', `Source: ${source.name}${source.section ? `, ${source.section}` : ''}`)}
        {editLink(hit.entry.lexicon, hit.entry.id, ctx.article)}
      </span>
    </span>
  );
}

// The parts of an explanation that are the same for every use of a referent or of a lexicon entry,
// made once per request (React's cache): the page's flight payload then carries each note once and
// refers back to it for the other uses, instead of repeating it for every highlighted word.
const referentPart = cache((code: string, name: string, description: string) => (
  <span className="term-tip-part">
    <span className="term-tip-head">
      <span className="ref-chip">{code}</span>
      {` ${name}`}
    </span>
    {description ? <span className="term-tip-desc">{description}</span> : null}
  </span>
));

const entryPart = cache((note: string, source: string) => (
  <span className="term-tip-part">
    {note ? <span className="term-tip-note">{note}</span> : null}
    <span className="term-tip-source">{source}</span>
  </span>
));

const editLink = cache((lexicon: string, entry: string, article: string | undefined) => (
  <a className="term-tip-action" href={editEntryHref(lexicon, entry, article)} data-edit-entry={entry}>
    Edit this entry in the lexicon
  </a>
));

function capitalise(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}
