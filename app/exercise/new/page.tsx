/**
 * A teacher prepares a classroom exercise: picks the reports, the referents to focus on and their own
 * questions, and gets one link to share (a blind comparison carrying the focus and questions in the
 * URL), plus the worksheet and answer key as PDFs. A plain GET form, validated with zod.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { getAnalysisViewOnce } from '@/app/_lib/data';
import { MAX_QUESTIONS, MAX_QUESTION_LENGTH, exerciseFormSchema, exerciseHref } from '@/lib/classroom/classroom-state';
import { formatDate } from '@/lib/view/compare-model';
import type { RawSearchParams } from '@/lib/view/url-state';
import { CopyLink } from './_components/copy-link';
import { Breadcrumb } from '@/app/_components/breadcrumb';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'New classroom exercise' };

const asList = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export default async function NewExercisePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const [params, { analysis, referents }] = await Promise.all([searchParams, getAnalysisViewOnce()]);
  const submitted = params.article !== undefined || params.questions !== undefined || params.focus !== undefined;
  const parsed = submitted ? exerciseFormSchema.safeParse(params) : null;
  const picked = new Set(asList(params.article));
  const focused = new Set(asList(params.focus));
  const questions = typeof params.questions === 'string' ? params.questions : '';
  const known = new Set(analysis.articles.map((a) => a.id));
  const unknown = parsed?.success ? parsed.data.article.filter((id) => !known.has(id)) : [];
  const href = parsed?.success && unknown.length === 0 ? exerciseHref(parsed.data) : null;
  const byId = new Map(analysis.articles.map((a) => [a.id, a]));
  const grouped = new Set(analysis.events.flatMap((e) => e.articles));
  const groups = [
    ...analysis.events.map((e) => ({ id: e.id, label: e.label, articles: e.articles })),
    { id: 'ungrouped', label: 'Not grouped with an event', articles: analysis.articles.map((a) => a.id).filter((id) => !grouped.has(id)) },
  ].filter((g) => g.articles.length > 0);

  return (
    <main className="mx-auto max-w-4xl px-4 pb-16 pt-8 sm:px-6">
      <Breadcrumb trail={[{ href: '/', label: 'Library' }]} current="New classroom exercise" />
      <h1 className="mt-3 text-3xl font-semibold tracking-tight">Prepare a classroom exercise</h1>
      <p className="mt-2 max-w-3xl leading-relaxed text-muted">
        Students read the reports blind: the outlets become Source A, Source B…, anything in the text that names them is redacted, and Parallax&apos;s labels stay hidden
        until they press <em>Reveal</em>. They mark the words they find loaded, then compare their marks with Parallax&apos;s. Everything is in the link: nothing is stored.
      </p>

      {href ? (
        <section aria-labelledby="link-title" className="mt-6 rounded-lg border border-emerald-200 bg-emerald-50 p-4" data-testid="exercise-link">
          <h2 id="link-title" className="font-semibold text-emerald-950">
            Share this link with your students
          </h2>
          <CopyLink path={href} />
          <p className="mt-3 flex flex-wrap gap-x-5 gap-y-1 text-sm">
            <Link href={href} className="text-accent hover:underline">
              Open the exercise
            </Link>
            <a href={href.replace(/^\/compare\?/, '/api/export?')} download className="text-accent hover:underline">
              worksheet (PDF)
            </a>
            <a href={`${href.replace(/^\/compare\?/, '/api/export?')}&key=1`} download className="text-accent hover:underline">
              answer key (PDF, names the outlets)
            </a>
          </p>
        </section>
      ) : null}
      {parsed && !parsed.success ? (
        <p role="alert" className="mt-6 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900" data-testid="exercise-problem">
          {[...new Set(parsed.error.issues.map((i) => i.message))].join('; ')}.
        </p>
      ) : null}
      {unknown.length ? (
        <p role="alert" className="mt-6 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
          Not in the library: {unknown.join(', ')}.
        </p>
      ) : null}

      <form method="get" action="/exercise/new" className="mt-8 space-y-8">
        <fieldset>
          <legend className="text-lg font-semibold">1. The reports (2 to 6)</legend>
          <p className="mt-1 text-sm text-muted">Reports of the same event work best: their sentences line up row by row.</p>
          <div className="mt-3 space-y-4">
            {groups.map((g) => (
              <div key={g.id}>
                <h3 className="text-sm font-medium text-muted">{g.label}</h3>
                <ul className="mt-1 space-y-1">
                  {g.articles.map((id) => {
                    const a = byId.get(id);
                    if (!a) return null;
                    return (
                      <li key={id}>
                        <label className="flex items-baseline gap-2.5">
                          <input type="checkbox" name="article" value={id} defaultChecked={picked.has(id)} className="translate-y-0.5" />
                          <span>
                            <span className="font-medium">{a.outlet ?? 'Unknown outlet'}</span>
                            <span className="text-muted"> · {a.published ? formatDate(a.published) : 'undated'} · </span>
                            <span className="font-serif">{a.title}</span>
                          </span>
                        </label>
                      </li>
                    );
                  })}
                </ul>
              </div>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend className="text-lg font-semibold">2. Who to focus on (optional)</legend>
          <p className="mt-1 text-sm text-muted">The worksheet asks how each source names them, and only their labels count at the reveal.</p>
          <ul className="mt-3 grid gap-x-6 gap-y-1 sm:grid-cols-2">
            {referents.map((r) => (
              <li key={r.id}>
                <label className="flex items-baseline gap-2.5" title={r.description}>
                  <input type="checkbox" name="focus" value={r.id} defaultChecked={focused.has(r.id)} className="translate-y-0.5" />
                  <span>{r.name}</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <fieldset>
          <legend className="text-lg font-semibold">3. Your questions (optional)</legend>
          <label htmlFor="questions" className="mt-1 block text-sm text-muted">
            One per line, up to {MAX_QUESTIONS}, each up to {MAX_QUESTION_LENGTH} characters. They come after the built-in questions: which words describe the same people,
            what is left out, who is quoted.
          </label>
          <textarea
            id="questions"
            name="questions"
            rows={4}
            defaultValue={questions}
            placeholder="Which source would you trust to describe the ceasefire, and why?"
            className="mt-2 w-full rounded-md border border-rule bg-white px-3 py-2 font-serif"
          />
        </fieldset>
        <button type="submit" className="rounded-md bg-accent px-4 py-2 font-medium text-white hover:bg-accent/90" data-testid="exercise-submit">
          Make the exercise link
        </button>
      </form>
    </main>
  );
}
