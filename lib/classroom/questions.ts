/**
 * The worksheet's questions for discussion and the answer key's suggested answers, drawn from a
 * comparison report: which words each report uses for the same people, what each leaves out, and who
 * each quotes. Pure; the worksheet and answer-key views render it.
 */
import type { CompareReport, Connotation, LexiconReferent, SourceKind } from '../types';

/** One question of the worksheet; `kind` ties a built-in question to its suggested answer. */
export interface Question {
  kind: 'names' | 'omissions' | 'quoted' | 'teacher';
  text: string;
}

/** "A, B and C". */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** The built-in questions (worded around the focus referents when there are any), then the teacher's. */
export function discussionQuestions(focus: readonly Pick<LexiconReferent, 'name'>[], teacher: readonly string[] = []): Question[] {
  const who = focus.length ? listWords(focus.map((r) => r.name.toLowerCase())) : 'the people and groups involved';
  return [
    { kind: 'names', text: `Which words describe the same people? For each source, write down the words it uses for ${who}. Which words take a side?` },
    { kind: 'omissions', text: 'What is left out? Find a fact that one source reports and another does not. Why might it be missing?' },
    { kind: 'quoted', text: 'Who is quoted? List the people and organisations each source quotes or cites. Whose voices are missing?' },
    ...teacher.map((text) => ({ kind: 'teacher' as const, text })),
  ];
}

export interface WordingCount {
  label: string;
  connotation: Connotation;
  /** Uses in the report's own words and in quotations. */
  narrator: number;
  quoted: number;
}

/** For one referent: the wordings each compared article uses (articles in comparison order). */
export interface NamesAnswer {
  referent: LexiconReferent;
  byArticle: WordingCount[][];
}

export interface OmissionsAnswer {
  /** Sentences only this article carries. */
  count: number;
  /** A few of them, as offsets into the article's text. */
  examples: { start: number; end: number }[];
}

export interface QuotedAnswer {
  speaker: string;
  kind: SourceKind;
  times: number;
}

export interface AnswerKey {
  names: NamesAnswer[];
  omissions: OmissionsAnswer[];
  quoted: QuotedAnswer[][];
}

/**
 * Suggested answers. Names: the focus referents, or else the referents with the most loaded terms (at
 * most `maxReferents`), each wording counted per article. Omissions: up to `examples` sentences per article
 * that no other compared report carries. Quoted: each article's speakers, most quoted first, pronouns
 * that could not be resolved left out.
 */
export function answerKey(report: CompareReport, referents: readonly LexiconReferent[], focus: readonly string[] = [], options: { maxReferents?: number; examples?: number } = {}): AnswerKey {
  const ids = report.articles.map((a) => a.id);
  // Without a focus, the referents named with the most loaded (non-neutral) wordings: those are the ones worth discussing.
  const loaded = new Map<string, number>();
  for (const row of report.terms) {
    if (row.connotation === 0) continue;
    for (const c of Object.values(row.counts)) loaded.set(row.referent, (loaded.get(row.referent) ?? 0) + c.narrator + c.quoted);
  }
  const chosen = focus.length
    ? focus.filter((id) => referents.some((r) => r.id === id))
    : [...loaded.keys()].filter((id) => (loaded.get(id) ?? 0) > 0).sort((a, b) => (loaded.get(b) ?? 0) - (loaded.get(a) ?? 0)).slice(0, options.maxReferents ?? 4);
  const names: NamesAnswer[] = chosen.map((id) => {
    const referent = referents.find((r) => r.id === id) ?? { id, name: id, description: '' };
    const rows = report.terms.filter((r) => r.referent === id);
    const byArticle = ids.map((a) =>
      rows
        .map((r) => ({ label: r.label, connotation: r.connotation, narrator: r.counts[a]?.narrator ?? 0, quoted: r.counts[a]?.quoted ?? 0 }))
        .filter((w) => w.narrator + w.quoted > 0)
        .sort((x, y) => y.narrator + y.quoted - (x.narrator + x.quoted) || x.label.localeCompare(y.label)),
    );
    return { referent, byArticle };
  });
  const omissions = ids.map((a) => {
    const list = report.omissions.filter((o) => o.article === a);
    return { count: list.length, examples: list.slice(0, options.examples ?? 3).map((o) => ({ start: o.start, end: o.end })) };
  });
  const quoted = ids.map((a) => {
    const bySpeaker = new Map<string, QuotedAnswer>();
    for (const s of report.sources) {
      if (s.article !== a || s.kind === 'unresolved') continue;
      const speaker = s.antecedent?.text ?? s.speaker;
      const key = speaker.toLowerCase();
      const seen = [...bySpeaker.entries()].find(([k]) => k === key || k.endsWith(` ${key}`) || key.endsWith(` ${k}`));
      if (seen) seen[1].times++;
      else bySpeaker.set(key, { speaker, kind: s.kind, times: 1 });
    }
    return [...bySpeaker.values()].sort((x, y) => y.times - x.times);
  });
  return { names, omissions, quoted };
}
