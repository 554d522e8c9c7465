/**
 * A candidate wording in running text: a neutral dotted frame with a "?" marker, and, on hover or
 * keyboard focus, why it was flagged and a link to accept it into a lexicon.
 */
import type { ReactNode } from 'react';
import type { Candidate } from '@/lib/types';
import { addToLexiconHref } from '@/lib/view/candidates';

export interface CandidateMarkProps {
  candidate: Candidate;
  /** Unique on the page. */
  tipId: string;
  tipAlign: 'start' | 'end';
  /** The article the wording comes from, so the lexicon form can show it in context. */
  article: string | undefined;
  children: ReactNode;
}

export function CandidateMark({ candidate, tipId, tipAlign, article, children }: CandidateMarkProps) {
  return (
    <span className={`term-wrap tip-${tipAlign}`}>
      <span className="cand" tabIndex={0} aria-describedby={tipId} data-candidate="" data-score={candidate.score.toFixed(2)}>
        {children}
      </span>
      <span role="tooltip" id={tipId} className="term-tip cand-tip">
        <span className="term-tip-head">
          <span className="cand-chip" aria-hidden>
            ?
          </span>{' '}
          Worth a look: <q>{candidate.text}</q>
        </span>
        <span className="term-tip-desc">No lexicon covers this wording yet. Flagged because:</span>
        <span className="cand-reasons">
          {candidate.reasons.map((r) => (
            <span key={r} className="cand-reason">
              {r}
            </span>
          ))}
        </span>
        <a className="term-tip-action" href={addToLexiconHref(candidate.text, article)} data-add-candidate={candidate.text}>
          Add to a lexicon
        </a>
      </span>
    </span>
  );
}
