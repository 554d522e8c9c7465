/**
 * Server-side reads for the lexicon pages: every lexicon with its load problems, one lexicon with the
 * version its edits must quote, and where a wording someone wants to add occurs in an article.
 */
import { loadLexicons, readLexiconFile } from '../corpus';
import { parseLexicon } from '../lexicon/schema';
import { foldPhrase } from '../normalize';
import type { Candidate, Lexicon, LoadError, Span, TermHit } from '../types';
import { getAnalysis } from './library';

/** A lexicon as the list shows it. */
export interface LexiconCard {
  id: string;
  title: string;
  description: string;
  entries: number;
  referents: number;
}

/** Every valid lexicon, plus the files that failed to load (with the validator's fix-it messages). */
export async function listLexicons(): Promise<{ lexicons: LexiconCard[]; errors: LoadError[] }> {
  const { lexicons, errors } = await loadLexicons();
  return {
    lexicons: lexicons.map((l) => ({ id: l.id, title: l.title, description: l.description, entries: l.entries.length, referents: l.referents.length })),
    errors,
  };
}

/** One lexicon file: its version (for edits) and either the lexicon or why it does not validate. */
export type LexiconDocument = { id: string; version: string } & ({ lexicon: Lexicon } | { errors: string[] });

/** Reads one lexicon by id; null when there is no such file. */
export async function getLexiconDocument(id: string): Promise<LexiconDocument | null> {
  const file = await readLexiconFile(id);
  if (!file) return null;
  const parsed = parseLexicon(file.yaml, `lexicons/${id}.yaml`);
  return { id, version: file.version, ...parsed };
}

/** Where a wording occurs in an article: the sentence around its first use and what Parallax says about it there. */
export interface WordingContext {
  article: { id: string; outlet: string | null; title: string; published: string | null };
  /** The sentence with the wording, split around it. */
  before: string;
  quote: string;
  after: string;
  candidate: Candidate | null;
  term: TermHit | null;
}

const MAX_SIDE = 160;

/**
 * Finds the first use of `wording` in the article (a candidate or term with that folded text, else a
 * plain text match); null when the article or the wording is not there.
 */
export async function findWording(articleId: string, wording: string): Promise<WordingContext | null> {
  const report = await getAnalysis();
  const article = report.articles.find((a) => a.id === articleId);
  const key = foldPhrase(wording);
  if (!article || !key) return null;
  const candidate = article.candidates?.find((c) => foldPhrase(c.text) === key) ?? null;
  const term = article.terms.find((t) => foldPhrase(t.text) === key) ?? null;
  let span: Span | null = candidate ?? term;
  if (!span) {
    const at = article.text.toLowerCase().indexOf(wording.toLowerCase());
    if (at < 0) return null;
    span = { start: at, end: at + wording.length };
  }
  const { start, end } = span;
  const sentence = article.sentences.find((s) => s.start <= start && end <= s.end) ?? { start, end };
  const before = article.text.slice(sentence.start, start);
  const after = article.text.slice(end, sentence.end);
  return {
    article: { id: article.id, outlet: article.outlet, title: article.title, published: article.published },
    before: before.length > MAX_SIDE ? `…${before.slice(-MAX_SIDE).replace(/^\S*\s/, '')}` : before,
    quote: article.text.slice(start, end),
    after: after.length > MAX_SIDE ? `${after.slice(0, MAX_SIDE).replace(/\s\S*$/, '')}…` : after,
    candidate,
    term,
  };
}
