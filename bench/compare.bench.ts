/**
 * Benchmark: `compareArticles` on two ~1,000-word articles (a BASIL event read at run time from
 * ../shared/eval/basil, never copied, plus a synthetic pair from the seeds) and on six synthetic
 * articles, against a naive whole-article word diff of the same pair. `npx tsx bench/compare.bench.ts`.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { diffWordsBounded } from '../lib/adapters/diff';
import { alignSentences } from '../lib/align';
import { analyzeArticles } from '../lib/analyze';
import { compareArticles } from '../lib/compare';
import { loadLexicons } from '../lib/corpus';
import { countWords } from '../lib/normalize';
import { findSources } from '../lib/sources';
import type { ArticleAnalysis, ArticleInput, Lexicon } from '../lib/types';
import { ROOT, syntheticCorpus } from './synthetic';

const BASIL = path.resolve(ROOT, '..', 'shared', 'eval', 'basil', 'events');

interface BasilArticle {
  outlet: string;
  title: string;
  text: string;
}

/** Two articles of one BASIL event whose lengths are nearest 1,000 words each, or null without BASIL. */
function basilPair(): ArticleInput[] | null {
  if (!existsSync(BASIL)) return null;
  let best: { cost: number; pair: BasilArticle[]; event: string } | null = null;
  for (const file of readdirSync(BASIL).filter((f) => f.endsWith('.json')).sort()) {
    const event = JSON.parse(readFileSync(path.join(BASIL, file), 'utf8')) as { articles: BasilArticle[] };
    const arts = event.articles;
    for (let i = 0; i < arts.length; i++) {
      for (let j = i + 1; j < arts.length; j++) {
        const a = arts[i]!;
        const b = arts[j]!;
        const cost = Math.abs(countWords(a.text) - 1000) + Math.abs(countWords(b.text) - 1000);
        if (!best || cost < best.cost) best = { cost, pair: [a, b], event: file };
      }
    }
  }
  if (!best) return null;
  return best.pair.map((a, k) => input(`basil-${k}-${a.outlet}`, a.text, a.title));
}

function input(id: string, text: string, title: string | null = null): ArticleInput {
  return { id, source: `bench:${id}`, text, outlet: null, title, published: null, url: null, language: 'en' };
}

/** Synthetic articles of about `words` words each, re-using seed sentences so they partly align. */
function synthetic(n: number, words: number, seed: number): ArticleInput[] {
  const pool = syntheticCorpus(n * words * 7 * 3, seed, 0.15);
  const out: ArticleInput[] = [];
  let text = '';
  for (const paragraph of pool.flatMap((a) => a.text.split(/\n\n+/))) {
    text += (text ? '\n\n' : '') + paragraph.trim();
    if (countWords(text) >= words) {
      out.push(input(`synthetic-${out.length}`, `${text}\n`));
      text = '';
      if (out.length === n) break;
    }
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

/** Median wall and CPU milliseconds of `f` after warm-up (CPU time is steadier on a shared, busy machine). */
function timeIt(runs: number, f: () => void): { ms: number; cpuMs: number } {
  for (let i = 0; i < 5; i++) f(); // warm-up: JIT, compromise's first load, regex compilation
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    f();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { ms: Number(median(wall).toFixed(2)), cpuMs: Number(median(cpu).toFixed(2)) };
}

function measure(label: string, articles: ArticleAnalysis[]): Record<string, unknown> {
  const report = compareArticles(articles);
  const [a, b] = articles;
  const naive = (() => {
    if (!a || !b) return null;
    const t0 = performance.now();
    const d = diffWordsBounded(a.text, { start: 0, end: a.text.length }, b.text, { start: 0, end: b.text.length }, { timeoutMs: 10_000 });
    return { ms: Number((performance.now() - t0).toFixed(2)), completed: d !== undefined };
  })();
  return {
    bench: 'compare',
    case: label,
    articles: articles.length,
    words: articles.map((x) => x.stats.words),
    rows: report.rows.length,
    alignedRows: report.rows.filter((r) => r.cells.length > 1).length,
    changes: report.rows.reduce((n, r) => n + r.changes.length, 0),
    sourceMentions: report.sources.length,
    compare: timeIt(21, () => compareArticles(articles)),
    align: timeIt(21, () => alignSentences(articles)),
    sources: timeIt(21, () => articles.forEach((x) => findSources(x))),
    naiveWholeArticleDiffMs: naive?.ms ?? null,
    naiveCompleted: naive?.completed ?? null,
  };
}

const { lexicons } = (await loadLexicons()) as { lexicons: Lexicon[] };
const analyse = (inputs: ArticleInput[]) => analyzeArticles(inputs, lexicons).articles;

const cases: [string, ArticleInput[] | null][] = [
  ['basil pair (~1,000 words each)', basilPair()],
  ['synthetic pair (~1,000 words each)', synthetic(2, 1000, 11)],
  ['six synthetic (~1,000 words each)', synthetic(6, 1000, 13)],
];
for (const [label, inputs] of cases) {
  if (!inputs) {
    console.error(`skipped ${label}: ${BASIL} not found`);
    continue;
  }
  console.log(JSON.stringify(measure(label, analyse(inputs))));
}
