/**
 * View state kept in the URL (so every view is a shareable link): zod schemas that read search
 * params safely, and builders that write them back in one canonical form.
 */
import { z } from 'zod';
import { PLAIN_ID } from '../ingest';
import { classroomFields, classroomParams } from '../classroom/classroom-state';
import { single, type RawSearchParams } from './params';

/** The fewest and most articles a comparison shows side by side. */
export const MIN_COMPARE = 2;
export const MAX_COMPARE = 6;

/** Search params as Next.js hands them to a page. */
export type { RawSearchParams };

const REFERENT_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,80}$/;

function commaList(v: string | undefined): string[] {
  return (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** `articles=ID,ID,…`: 2 to 6 distinct plain ids, in the order given. */
export const articleIdsSchema = single.pipe(
  z
    .string({ error: 'name the articles to compare, e.g. ?articles=ID,ID' })
    .transform(commaList)
    .pipe(
      z
        .array(z.string().regex(PLAIN_ID, { error: (i) => `"${String(i.input)}" is not an article id` }))
        .min(MIN_COMPARE, { error: `pick at least ${MIN_COMPARE} articles to compare` })
        .max(MAX_COMPARE, { error: `compare at most ${MAX_COMPARE} articles at once` })
        .refine((ids) => new Set(ids).size === ids.length, { error: 'an article is named twice' }),
    ),
);

const referentList = single.transform((v) => commaList(v).filter((id) => REFERENT_ID.test(id)));

/** `cand=0` hides candidate wordings; anything else (or nothing) shows them. */
const candidateToggle = single.transform((v) => v !== '0');

/** Reads the `cand` toggle from any page's search params (the article page has no other state). */
export function candidatesShown(params: RawSearchParams): boolean {
  return candidateToggle.safeParse(params.cand).data ?? true;
}

/** Everything the compare page shows depends on these. */
export const compareStateSchema = z.object({
  articles: articleIdsSchema,
  /** Referents whose highlights are switched off (all are shown by default). */
  hide: referentList,
  /** Referent the term table is filtered to (none: all referents). */
  ref: single.transform((v) => (v && REFERENT_ID.test(v) ? v : null)),
  /** Boilerplate paragraphs: collapsed unless `bp=open`. */
  bp: single.transform((v): 'open' | 'closed' => (v === 'open' ? 'open' : 'closed')),
  /** Candidate wordings (not in any lexicon) are marked unless `cand=0`. */
  cand: candidateToggle,
  /** Classroom mode: blind, focus, q, marks, reveal, key, print (all undefined when absent). */
  ...classroomFields,
});

export type CompareState = z.infer<typeof compareStateSchema>;

/** Reads the compare page's search params; an error names what is wrong with `articles`. */
export function parseCompareState(params: RawSearchParams): { ok: true; state: CompareState } | { ok: false; message: string } {
  const parsed = compareStateSchema.safeParse(params);
  if (parsed.success) return { ok: true, state: parsed.data };
  return { ok: false, message: parsed.error.issues.map((i) => i.message).join('; ') };
}

/** Builds `/compare?…` (or another path) from a state, leaving out defaults so links stay short. */
export function compareHref(state: Partial<CompareState> & { articles: readonly string[] }, path = '/compare'): string {
  const parts = [`articles=${state.articles.map(encodeURIComponent).join(',')}`];
  if (state.hide && state.hide.length) parts.push(`hide=${state.hide.map(encodeURIComponent).join(',')}`);
  if (state.ref) parts.push(`ref=${encodeURIComponent(state.ref)}`);
  if (state.bp === 'open') parts.push('bp=open');
  if (state.cand === false) parts.push('cand=0');
  parts.push(...classroomParams(state));
  return `${path}?${parts.join('&')}`;
}

/** Query string for API links that need only the articles (`/api/compare?articles=…`). */
export function articlesQuery(ids: readonly string[]): string {
  return `articles=${ids.map(encodeURIComponent).join(',')}`;
}

// ---------------------------------------------------------------------------------------------
// The library page: sort column and text filter.
// ---------------------------------------------------------------------------------------------

export const LIBRARY_SORT_COLUMNS = ['outlet', 'published', 'title', 'words', 'loadedTerms', 'boilerplateShare'] as const;
export type LibrarySortColumn = (typeof LIBRARY_SORT_COLUMNS)[number];

export interface LibraryState {
  sort: { id: LibrarySortColumn; desc: boolean } | null;
  q: string;
}

export const libraryStateSchema = z.object({
  /** `sort=published` ascending, `sort=-published` descending. */
  sort: single.transform((v) => {
    if (!v) return null;
    const desc = v.startsWith('-');
    const id = desc ? v.slice(1) : v;
    return (LIBRARY_SORT_COLUMNS as readonly string[]).includes(id) ? { id: id as LibrarySortColumn, desc } : null;
  }),
  q: single.transform((v) => (v ?? '').slice(0, 200)),
});

/** Reads the library's search params; anything unreadable falls back to the default view. */
export function parseLibraryState(params: RawSearchParams): LibraryState {
  const parsed = libraryStateSchema.safeParse(params);
  return parsed.success ? parsed.data : { sort: null, q: '' };
}

/** Writes the library state as a query string ('' for the default view). */
export function libraryQuery(state: LibraryState): string {
  const p = new URLSearchParams();
  if (state.sort) p.set('sort', `${state.sort.desc ? '-' : ''}${state.sort.id}`);
  if (state.q) p.set('q', state.q);
  const s = p.toString();
  return s ? `?${s}` : '';
}
