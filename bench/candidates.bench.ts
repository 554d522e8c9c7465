/**
 * Benchmark: lexicon terms plus candidates against the expert lexical-bias spans of BASIL (Fan et al.
 * 2019), read at run time and never copied into the project. Runs the real analyze pipeline (roles,
 * boilerplate, the shipped lexicons) and then candidate discovery with BASIL's events as the groups.
 * Prints recall (gold spans overlapped by a flag), precision (flags overlapping a gold span), F1, flag
 * counts, per-signal contributions, the dev (even) and test (odd) halves of the events, and the
 * "every content word the other two lack" baseline, CPU seconds, and the contamination audit of the
 * cue lists (bench/contamination.ts). `npx tsx bench/candidates.bench.ts`
 * (env BASIL_DIR overrides ../shared/eval/basil; CANDIDATE_OPTIONS takes JSON options; for the
 * stages of the contamination clean-up: BENCH_CUES=strict drops the contaminated entries kept for the
 * licensed-list exception too, own uses our lists without the licensed ones, removed both; env
 * BENCH_LICENSED takes JSON options for the licensed lists; BENCH_BACKGROUND=corpus shrinks log-odds
 * toward the corpus alone instead of SUBTLEX-US).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { analyzeArticles } from '../lib/analyze';
import { discoverCandidates, type CandidateOptions, type Signal } from '../lib/candidates';
import { compileCues } from '../lib/candidates/cues';
import { licensedCueLists, type LicensedCueOptions } from '../lib/candidates/licensed';
import { CUE_LISTS, type CueList } from '../lib/candidates/word-lists';
import { articleWords, stemCounts, wordTokens } from '../lib/candidates/words';
import { loadLexicons } from '../lib/corpus';
import type { ArticleInput, Span } from '../lib/types';
import { audit, basilDir, contaminatedWords, goldStringCounts, withoutContaminated } from './contamination';

interface BasilArticle {
  article_id: string;
  outlet: string;
  outlet_name: string;
  text: string;
  lexical_spans: { start: number; end: number; text: string }[];
}
interface BasilEvent {
  event_id: string;
  articles: BasilArticle[];
}

const root = path.resolve(import.meta.dirname, '..');
const dir = basilDir();
const eventsDir = path.join(dir, 'events');
const events: BasilEvent[] = readdirSync(eventsDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(path.join(eventsDir, f), 'utf8')) as BasilEvent);

/** BASIL articles as the loader would hand them over (the outlet from BASIL, no title: it is not in `text`). */
function input(a: BasilArticle): ArticleInput {
  return { id: a.article_id, source: `basil:${a.article_id}`, text: a.text, outlet: a.outlet_name, title: null, published: null, url: null, language: 'en' };
}

const overlaps = (x: Span, y: Span) => x.start < y.end && y.start < x.end;

interface Score {
  gold: number;
  goldHit: number;
  flagged: number;
  flaggedHit: number;
}

function score(flags: Map<string, Span[]>, subset: BasilEvent[]): Score {
  const s: Score = { gold: 0, goldHit: 0, flagged: 0, flaggedHit: 0 };
  for (const e of subset) {
    for (const a of e.articles) {
      const f = flags.get(a.article_id) ?? [];
      s.gold += a.lexical_spans.length;
      s.goldHit += a.lexical_spans.filter((g) => f.some((x) => overlaps(x, g))).length;
      s.flagged += f.length;
      s.flaggedHit += f.filter((x) => a.lexical_spans.some((g) => overlaps(x, g))).length;
    }
  }
  return s;
}

function summary(s: Score) {
  const recall = s.gold ? s.goldHit / s.gold : 0;
  const precision = s.flagged ? s.flaggedHit / s.flagged : 0;
  const f1 = recall + precision ? (2 * recall * precision) / (recall + precision) : 0;
  const pct = (x: number) => Number((100 * x).toFixed(1));
  return { recall: pct(recall), precision: pct(precision), f1: pct(f1), flagged: s.flagged, goldHit: s.goldHit, gold: s.gold };
}

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return Number(((u.user + u.system) / 1e6).toFixed(2));
};

const { lexicons } = await loadLexicons(path.join(root, 'lexicons'));
let t0 = performance.now();
let c0 = process.cpuUsage();
const articles = analyzeArticles(events.flatMap((e) => e.articles.map(input)), lexicons).articles;
const analyzeMs = performance.now() - t0;
const analyzeCpu = cpuSeconds(c0);
const groups = events.map((e) => e.articles.map((a) => a.article_id));
const options: CandidateOptions = JSON.parse(process.env.CANDIDATE_OPTIONS ?? '{}') as CandidateOptions;
const contaminated = contaminatedWords(goldStringCounts(dir));
const cueMode = process.env.BENCH_CUES ?? 'shipped';
const licensed = licensedCueLists(JSON.parse(process.env.BENCH_LICENSED ?? '{}') as LicensedCueOptions);
const strictLists = withoutContaminated(CUE_LISTS, contaminated);
const modes: Record<string, readonly CueList[] | undefined> = { shipped: [...CUE_LISTS, ...licensed], strict: [...strictLists, ...licensed], own: CUE_LISTS, removed: strictLists };
const cueLists = modes[cueMode];
if (!cueLists) throw new Error(`BENCH_CUES: expected shipped, strict, own or removed, not ${cueMode}`);
// The shipped lists are left to discoverCandidates, so their compilation is timed with it.
if (cueMode !== 'shipped' || process.env.BENCH_LICENSED) options.cues = compileCues(cueLists);
if (process.env.BENCH_BACKGROUND === 'corpus') options.background = null;

t0 = performance.now();
c0 = process.cpuUsage();
const report = discoverCandidates(articles, groups, options);
const ms = performance.now() - t0;
const candidateCpu = cpuSeconds(c0);

// Terms plus candidates: a term hit overlapping a candidate counts once.
const flags = new Map<string, Span[]>(
  articles.map((a) => {
    const candidates = report.candidates.get(a.id) ?? [];
    const terms = a.terms.filter((t) => !candidates.some((c) => overlaps(c, t)));
    return [a.id, [...candidates, ...terms]];
  }),
);
const termFlags = new Map<string, Span[]>(articles.map((a) => [a.id, a.terms]));
const dev = events.filter((_, i) => i % 2 === 0);
const test = events.filter((_, i) => i % 2 === 1);

// Per signal: the flags that signal took part in, and the gold spans only they reach.
const bySignal: Record<string, unknown> = {};
for (const signal of ['cue', 'swap', 'referent', 'label', 'log-odds'] as Signal[]) {
  const only = new Map<string, Span[]>();
  for (const [id, list] of report.candidates) {
    const sig = report.signals.get(id) ?? [];
    only.set(id, list.filter((_, i) => sig[i]?.includes(signal)));
  }
  bySignal[signal] = summary(score(only, events));
}

// Baseline of the eval README: every content word the other two articles of the event lack.
const baseline = new Map<string, Span[]>();
for (const e of events) {
  const w = e.articles.map((a) => articleWords(articles.find((x) => x.id === a.article_id)!));
  const c = w.map(stemCounts);
  w.forEach((aw, i) => {
    const others = c.filter((_, j) => j !== i);
    baseline.set(aw.id, wordTokens(aw).filter((t) => !t.stop && others.every((o) => !o.has(t.stem))));
  });
}

const bytes = articles.reduce((n, a) => n + Buffer.byteLength(a.text), 0);
const auditRows = audit(CUE_LISTS, contaminated);
console.log(
  JSON.stringify(
    {
      bench: 'candidates',
      cues: cueMode,
      background: options.background === null ? 'corpus' : 'subtlex',
      events: events.length,
      articles: articles.length,
      all: summary(score(flags, events)),
      candidatesOnly: summary(score(new Map([...report.candidates]), events)),
      dev: summary(score(flags, dev)),
      test: summary(score(flags, test)),
      bySignal: { ...bySignal, 'lexicon-terms': summary(score(termFlags, events)) },
      baseline: summary(score(baseline, events)),
      referents: report.referents.length,
      contamination: {
        entries: auditRows.length,
        keptByLicensedList: auditRows.filter((r) => r.licensed).length,
        keptWithoutLicence: auditRows.filter((r) => !r.licensed).length,
      },
      megabytes: Number((bytes / 1024 / 1024).toFixed(2)),
      analyzeSeconds: Number((analyzeMs / 1000).toFixed(2)),
      analyzeCpuSeconds: analyzeCpu,
      candidateSeconds: Number((ms / 1000).toFixed(2)),
      candidateCpuSeconds: candidateCpu,
      candidateMBps: Number((bytes / 1024 / 1024 / (ms / 1000)).toFixed(2)),
    },
    null,
    process.env.BENCH_COMPACT ? undefined : 1,
  ),
);
if (process.env.BENCH_REFERENTS) for (const r of report.referents) console.error(r.id, r.labels.join(', '));
