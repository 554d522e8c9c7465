/** Says what a boilerplate paragraph is, where else it appears, and which words differ from its twin. */
import type { BoilerplateView } from '@/lib/view/compare-model';
import { articleShortName, percent } from '@/lib/view/compare-model';

const KIND_WORDS: Record<BoilerplateView['kind'], string> = {
  chrome: 'Site furniture',
  stock: 'Stock paragraph',
  copied: 'Shared paragraph',
};

/** The one-line summary (and, on the paragraph's first sentence, the twins and word swaps). */
export function BoilerplateNote({ info, first }: { info: BoilerplateView; first: boolean }) {
  const label = KIND_WORDS[info.kind];
  if (!first) {
    return (
      <span className="inline-flex items-center gap-1.5">
        <Toggle /> {label}, continued
      </span>
    );
  }
  const here = info.twins.filter((t) => t.sameArticle).length;
  const elsewhere = info.twins.filter((t) => !t.sameArticle);
  const shown = elsewhere.slice(0, 3);
  const swaps = elsewhere.flatMap((t) => t.differences.filter((d) => d.this || d.other)).slice(0, 4);
  return (
    <span className="inline-flex flex-col gap-0.5">
      <span className="inline-flex items-center gap-1.5">
        <Toggle /> <span className="shrink-0 font-medium text-ink">{label}</span>
        {info.kind === 'chrome' && info.reason ? <span>· {info.reason.explanation}</span> : null}
      </span>
      {here > 0 ? <span className="pl-5">Repeated {here === 1 ? 'once more' : `${here} more times`} in this report.</span> : null}
      {shown.length > 0 ? (
        <span className="pl-5">
          Also in{' '}
          {shown.map((t, i) => (
            <span key={`${t.article.id}-${t.paragraph}`}>
              {i > 0 ? '; ' : ''}
              {articleShortName(t.article)}
              {!t.inComparison ? <span className="italic"> ({clip(t.article.title, 60)})</span> : null} ({percent(t.similarity)} same wording)
            </span>
          ))}
          {elsewhere.length > shown.length ? ` and ${elsewhere.length - shown.length} more` : ''}.
        </span>
      ) : null}
      {swaps.length > 0 ? (
        <span className="pl-5">
          Word swaps:{' '}
          {swaps.map((d, i) => (
            <span key={`${d.start}-${i}`}>
              {i > 0 ? ', ' : ''}
              {d.this ? <q className="text-ink">{d.this}</q> : <em>(nothing)</em>} here, <q className="text-ink">{d.other || '…'}</q> there
            </span>
          ))}
          .
        </span>
      ) : null}
    </span>
  );
}

/** Shortens a title at a word boundary, with an ellipsis. */
function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

function Toggle() {
  return (
    <span aria-hidden className="inline-block w-3 text-xs transition-transform group-open:rotate-90">
      ▸
    </span>
  );
}
