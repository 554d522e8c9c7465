/**
 * The article page's list of candidate wordings: what no lexicon covers yet but may be worth a look,
 * each with its strongest reason and a link to accept it into a lexicon; plus the show/hide switch.
 */
import Link from 'next/link';
import type { Candidate } from '@/lib/types';
import { addToLexiconHref, candidateWordings } from '@/lib/view/candidates';

export interface CandidateSummaryProps {
  article: string;
  /** The article's candidates that no term covers. */
  candidates: Candidate[];
  /** Whether they are marked in the text (`cand=0` hides them). */
  shown: boolean;
}

const MAX_LISTED = 12;

export function CandidateSummary({ article, candidates, shown }: CandidateSummaryProps) {
  const wordings = candidateWordings(candidates);
  return (
    <section className="rounded-lg border border-dashed border-stone-400 bg-white p-4 text-sm" aria-labelledby="candidates-title" data-testid="candidate-summary">
      <div className="mb-2 flex items-baseline justify-between gap-3">
        <h2 id="candidates-title" className="text-base font-semibold">
          Worth a look
        </h2>
        <Link
          href={shown ? `/articles/${article}?cand=0` : `/articles/${article}`}
          scroll={false}
          replace
          className="text-xs text-accent hover:underline"
          data-candidate-toggle={shown ? 'hide' : 'show'}
          aria-label={`${shown ? 'Hide' : 'Show'} candidate wordings in the text`}
        >
          {shown ? 'hide in text' : 'show in text'}
        </Link>
      </div>
      <p className="mb-3 text-muted">
        Wording no lexicon covers yet, marked <span className="cand cursor-default font-serif text-ink">like this</span> in the text: loaded words, or
        words the other reports of the event put differently.
      </p>
      {wordings.length === 0 ? <p className="text-muted">Nothing stands out beyond the lexicon terms.</p> : null}
      <ul className="space-y-2">
        {wordings.slice(0, MAX_LISTED).map((w) => (
          <li key={w.text.toLowerCase()} className="min-w-0">
            <div className="flex items-baseline justify-between gap-2">
              <q className="font-serif font-medium">{w.text}</q>
              <span className="shrink-0 text-xs">
                {w.count > 1 ? <span className="tabular-nums text-muted">×{w.count} · </span> : null}
                <a href={addToLexiconHref(w.text, article)} className="text-accent hover:underline">
                  add to lexicon
                </a>
              </span>
            </div>
            {w.reasons[0] ? <p className="text-xs leading-snug text-muted">{w.reasons[0]}</p> : null}
          </li>
        ))}
      </ul>
      {wordings.length > MAX_LISTED ? <p className="mt-2 text-xs text-muted">and {wordings.length - MAX_LISTED} more, marked in the text.</p> : null}
    </section>
  );
}
