/** One article with its analysis: paragraphs by role, boilerplate collapsed and explained, terms highlighted and tallied. */
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { CSSProperties } from 'react';
import { z } from 'zod';
import { BoilerplateNote } from '@/app/_components/boilerplate-note';
import { HighlightedText } from '@/app/_components/highlighted-text';
import { PLAIN_ID } from '@/lib/ingest';
import { getAnalysisViewOnce } from '@/app/_lib/data';
import type { ArticleAnalysis, TermHit } from '@/lib/types';
import { describeBoilerplate, formatDate, percent, type ArticleName } from '@/lib/view/compare-model';
import { connotationSign, referentStyles } from '@/lib/view/referents';
import { candidatesWithin, uncoveredCandidates } from '@/lib/view/candidates';
import { MIN_COMPARE, MAX_COMPARE, articlesQuery, candidatesShown, type RawSearchParams } from '@/lib/view/url-state';
import { CandidateSummary } from '../_components/candidate-summary';
import { Breadcrumb } from '@/app/_components/breadcrumb';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({ id: z.string().regex(PLAIN_ID) });

async function loadArticle(params: Promise<{ id: string }>) {
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const { analysis: report, referents } = await getAnalysisViewOnce();
  const article = report.articles.find((a) => a.id === parsed.data.id);
  if (!article) notFound();
  return { report, article, referents };
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) return { title: 'Article' };
  const article = (await getAnalysisViewOnce()).analysis.articles.find((a) => a.id === parsed.data.id);
  return { title: article ? article.title : 'Article' };
}

const ROLE_LABEL: Record<string, string> = { title: 'Headline', caption: 'Caption', chrome: 'Site furniture' };

export default async function ArticlePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<RawSearchParams> }) {
  const { report, article, referents } = await loadArticle(params);
  const search = await searchParams;
  const justImported = search.imported === '1';
  const showCandidates = candidatesShown(search);
  const candidates = uncoveredCandidates(article.candidates, article.terms);
  const names = new Map<string, ArticleName>(report.articles.map((a) => [a.id, { id: a.id, outlet: a.outlet, title: a.title, published: a.published }]));
  const used = [...new Set(article.terms.map((t) => t.referent))];
  const styles = referentStyles(referents, used, used);
  const events = report.events.filter((e) => e.articles.includes(article.id));
  const compared = new Set([article.id]);
  return (
    <main className="mx-auto max-w-6xl px-4 pb-16 pt-6 sm:px-6">
      <Breadcrumb trail={[{ href: '/', label: 'Library' }]} current="Article" />
      {justImported ? (
        <p role="status" className="mt-4 max-w-3xl rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900" data-testid="imported">
          Imported. The article is now in the <Link href="/" className="underline">library</Link>
          {events.length ? ', grouped with the reports of the same event.' : '; it is not grouped with any event yet.'}
        </p>
      ) : null}
      <header className="mt-4 max-w-3xl">
        <p className="text-sm text-muted">
          <span className="font-semibold text-ink">{article.outlet ?? 'Unknown outlet'}</span> · {article.published ? formatDate(article.published) : 'undated'}
        </p>
        <h1 className="mt-1 font-serif text-3xl font-semibold leading-tight">{article.title}</h1>
        <p className="mt-2 text-sm text-muted">
          {article.stats.words.toLocaleString('en')} words · {article.stats.loadedTerms} loaded terms · {percent(article.stats.boilerplateShare)} boilerplate ·
          id <code className="text-xs">{article.id}</code>
        </p>
        {article.url ? (
          <a href={article.url} rel="noreferrer noopener" target="_blank" className="mt-1 block truncate text-sm text-accent hover:underline">
            {article.url}
          </a>
        ) : null}
        {events.map((e) => {
          const ids = [article.id, ...e.articles.filter((id) => id !== article.id)].slice(0, MAX_COMPARE);
          return ids.length >= MIN_COMPARE ? (
            <p key={e.id} className="mt-3 rounded-md border border-rule bg-white px-3 py-2 text-sm">
              Part of <span className="font-medium">{e.label}</span>.{' '}
              <Link href={`/compare?${articlesQuery(ids)}`} className="text-accent hover:underline">
                Compare with the {ids.length - 1} other report{ids.length === 2 ? '' : 's'} →
              </Link>
            </p>
          ) : null;
        })}
      </header>

      <div className="mt-8 grid gap-10 lg:grid-cols-[minmax(0,1fr)_19rem]">
        <article className="max-w-[42rem]" data-testid="article-text">
          {article.paragraphs.map((p) => {
            const terms = article.terms.filter((t) => t.start >= p.start && t.end <= p.end);
            // The headline is always shown, even when the page repeats it.
            const bp = p.role === 'title' ? null : describeBoilerplate(article, p.index, names, compared);
            const text = (
              <HighlightedText
                text={article.text}
                start={p.start}
                end={p.end}
                terms={terms}
                candidates={showCandidates ? candidatesWithin(candidates, p) : []}
                article={article.id}
                styles={styles}
                idPrefix={`p${p.index}`}
              />
            );
            const cls =
              p.role === 'title'
                ? 'font-serif text-xl font-semibold leading-snug'
                : p.role === 'caption'
                  ? 'font-serif italic text-muted leading-relaxed'
                  : p.role === 'chrome'
                    ? 'text-sm text-muted'
                    : 'font-serif text-[1.06rem] leading-[1.75]';
            return (
              <section key={p.index} data-paragraph={p.index} data-role={p.role} data-boilerplate={bp ? bp.kind : undefined} className="mb-5">
                {ROLE_LABEL[p.role] && !bp ? (
                  <span className="mb-1 block text-[0.7rem] font-medium uppercase tracking-wider text-muted">
                    {ROLE_LABEL[p.role]}
                    {p.reason && p.role !== 'title' ? <span className="normal-case tracking-normal"> · {p.reason.explanation}</span> : null}
                  </span>
                ) : null}
                {bp ? (
                  <details className="group rounded-md border border-dashed border-rule px-3 py-2">
                    <summary className="cursor-pointer list-none text-sm text-muted [&::-webkit-details-marker]:hidden">
                      <BoilerplateNote info={bp} first />
                    </summary>
                    <p className={`mt-2 whitespace-pre-line ${cls}`}>{text}</p>
                  </details>
                ) : (
                  <p className={`whitespace-pre-line ${cls}`}>{text}</p>
                )}
              </section>
            );
          })}
        </article>
        <aside className="space-y-4 lg:sticky lg:top-4 lg:self-start">
          <TermSummary article={article} styles={styles} />
          <CandidateSummary article={article.id} candidates={candidates} shown={showCandidates} />
        </aside>
      </div>
    </main>
  );
}

function TermSummary({ article, styles }: { article: ArticleAnalysis; styles: ReturnType<typeof referentStyles> }) {
  const byReferent = new Map<string, Map<string, { hit: TermHit; narrator: number; quoted: number }>>();
  for (const t of article.terms) {
    const labels = byReferent.get(t.referent) ?? new Map();
    byReferent.set(t.referent, labels);
    const entry = labels.get(t.label) ?? { hit: t, narrator: 0, quoted: 0 };
    entry[t.voice] += 1;
    labels.set(t.label, entry);
  }
  return (
    <section className="rounded-lg border border-rule bg-white p-4 text-sm" aria-labelledby="terms-used">
      <h2 id="terms-used" className="mb-3 text-base font-semibold">
        Terms used
      </h2>
      {byReferent.size === 0 ? <p className="text-muted">No lexicon terms found in this article.</p> : null}
      <ul className="space-y-3">
        {[...byReferent].map(([referent, labels]) => {
          const s = styles.get(referent);
          return (
            <li key={referent} style={{ '--ref-ink': s?.ink, '--ref-tint': s?.tint } as CSSProperties}>
              <p className="mb-1 flex items-baseline gap-2">
                <span className="ref-chip">{s?.code}</span>
                <span className="font-medium">{s?.name ?? referent}</span>
              </p>
              <ul className="space-y-0.5 pl-9">
                {[...labels.values()].map(({ hit, narrator, quoted }) => (
                  <li key={hit.label} className="flex justify-between gap-2">
                    <span>
                      <q className="font-serif">{hit.label}</q> <span className="text-muted">{connotationSign(hit.connotation)}</span>
                    </span>
                    <span className="whitespace-nowrap tabular-nums text-muted" title="narrator / quoted">
                      {narrator} / {quoted}
                    </span>
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
      {byReferent.size > 0 ? <p className="mt-3 text-xs text-muted">Counts: the report&apos;s own words / quoted sources.</p> : null}
    </section>
  );
}
