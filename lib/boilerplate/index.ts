/**
 * Boilerplate stage entry: paragraph roles per article (title, chrome, caption, body) and near-duplicate
 * families across the whole corpus, as plain per-paragraph data.
 */
import type { TokenTable } from '../token-table';
import type { BoilerplateInfo, ParagraphRole, RoleReason, Span } from '../types';
import { findNearDuplicates, type NearDuplicateOptions } from './near-duplicates';
import { classifyParagraphs, type RoleOptions } from './roles';

export { classifyParagraphs, classifyFixed, looksLikeHeading, quickWordCount } from './roles';
export type { RoleAssignment, RoleOptions } from './roles';
export { findNearDuplicates } from './near-duplicates';
export type { NearDuplicateDoc, NearDuplicateOptions } from './near-duplicates';

/** One article handed to the stage. */
export interface BoilerplateDoc {
  id: string;
  outlet: string | null;
  text: string;
  /** Paragraph spans, e.g. from `splitParagraphs`. */
  paragraphs: readonly Span[];
  /** Roles when already classified (e.g. by the analyze pipeline); classified here when absent. */
  roles?: readonly ParagraphRole[];
  /** Title from metadata, when known; helps spot the headline and its repeats. */
  title?: string | null;
  /** The text's token table (`tokenTable`), when the caller has one; results are the same without. */
  tokens?: TokenTable;
}

/** What the stage says about one paragraph: the fields `Paragraph` takes from it. */
export interface ParagraphBoilerplate {
  role: ParagraphRole;
  reason: RoleReason | null;
  boilerplate: BoilerplateInfo | null;
}

/** The stage's result for one article, in input order. */
export interface ArticleBoilerplate {
  id: string;
  paragraphs: ParagraphBoilerplate[];
}

/** Options for both halves of the stage. */
export interface BoilerplateOptions {
  roles?: Omit<RoleOptions, 'title'>;
  nearDuplicates?: NearDuplicateOptions;
}

/**
 * Near-duplicate families across a corpus: for each doc and each of its paragraphs, the family and
 * twins of that paragraph, or null. Chrome repeated between articles, an outlet's stock paragraphs and
 * text copied across outlets all show up here. Pure and synchronous; aligned with `docs` and spans.
 */
export function detectBoilerplate(docs: readonly BoilerplateDoc[], options: BoilerplateOptions = {}): (BoilerplateInfo | null)[][] {
  return findNearDuplicates(
    docs.map((doc) => ({ ...doc, roles: doc.roles ?? classifyParagraphs(doc.text, doc.paragraphs, rolesFor(doc, options)).map((r) => r.role) })),
    options.nearDuplicates,
  );
}

/**
 * The whole stage in one call: roles and reasons per article (ignoring any `roles` passed in), then
 * near-duplicate families across all articles. Results are aligned with `docs` and each doc's spans.
 */
export function runBoilerplateStage(docs: readonly BoilerplateDoc[], options: BoilerplateOptions = {}): ArticleBoilerplate[] {
  const roles = docs.map((doc) => classifyParagraphs(doc.text, doc.paragraphs, rolesFor(doc, options)));
  const families = findNearDuplicates(
    docs.map((doc, d) => ({ ...doc, roles: (roles[d] ?? []).map((r) => r.role) })),
    options.nearDuplicates,
  );
  return docs.map((doc, d) => ({
    id: doc.id,
    paragraphs: doc.paragraphs.map((_, p) => {
      const assigned = roles[d]?.[p] ?? { role: 'body' as const, reason: null };
      return { role: assigned.role, reason: assigned.reason, boilerplate: families[d]?.[p] ?? null };
    }),
  }));
}

function rolesFor(doc: BoilerplateDoc, options: BoilerplateOptions): RoleOptions {
  return { ...options.roles, title: doc.title ?? null };
}
