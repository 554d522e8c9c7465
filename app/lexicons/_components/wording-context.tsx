/** Where a wording being added came from: the sentence of the article around it and why Parallax flagged it. */
import Link from 'next/link';
import type { WordingContext } from '@/lib/server/lexicons';
import { articleShortName } from '@/lib/view/compare-model';

export function WordingContextNote({ context }: { context: WordingContext }) {
  const { article, candidate, term } = context;
  return (
    <figure className="rounded-md border border-rule bg-paper px-4 py-3 text-sm" data-testid="wording-context">
      <blockquote className="font-serif text-[1rem] leading-relaxed">
        {context.before}
        <mark className="rounded-sm bg-amber-100 px-0.5 text-ink">{context.quote}</mark>
        {context.after}
      </blockquote>
      <figcaption className="mt-1.5 text-xs text-muted">
        <Link href={`/articles/${article.id}`} className="text-accent hover:underline">
          {articleShortName(article)}
        </Link>
        {candidate ? <> · flagged because {candidate.reasons.join('; ')}</> : null}
        {term ? <> · already a term: {term.label}</> : null}
      </figcaption>
    </figure>
  );
}
