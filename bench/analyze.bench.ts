/**
 * Benchmark: the whole `analyze` pipeline against a bare tokenising pass over the same synthetic
 * corpus. Run one size per process (peak memory is per process): `npx tsx bench/analyze.bench.ts 1`.
 */
import { analyzeArticles } from '../lib/analyze';
import { loadLexicons } from '../lib/corpus';
import { tokenize } from '../lib/normalize';
import { syntheticCorpus } from './synthetic';

const mb = Number(process.argv[2] ?? '1');
const articles = syntheticCorpus(mb * 1024 * 1024, 7);
const bytes = articles.reduce((n, a) => n + Buffer.byteLength(a.text), 0);
const { lexicons } = await loadLexicons();

// Warm up the JIT on a small slice so the figures describe steady state.
analyzeArticles(articles.slice(0, 20), lexicons);
for (const a of articles.slice(0, 20)) tokenize(a.text);

let t0 = performance.now();
let tokens = 0;
for (const a of articles) tokens += tokenize(a.text).length;
const tokenMs = performance.now() - t0;

t0 = performance.now();
const report = analyzeArticles(articles, lexicons);
const analyzeMs = performance.now() - t0;

const MB = bytes / 1024 / 1024;
const result = {
  bench: 'analyze',
  corpusMB: Number(MB.toFixed(2)),
  articles: articles.length,
  tokens,
  terms: report.articles.reduce((n, a) => n + a.terms.length, 0),
  boilerplateParagraphs: report.articles.reduce((n, a) => n + a.paragraphs.filter((p) => p.boilerplate).length, 0),
  tokenizeMBps: Number((MB / (tokenMs / 1000)).toFixed(2)),
  analyzeMBps: Number((MB / (analyzeMs / 1000)).toFixed(2)),
  analyzeSeconds: Number((analyzeMs / 1000).toFixed(2)),
  ratioAnalyzeToTokenize: Number((analyzeMs / tokenMs).toFixed(1)),
  peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
};
console.log(JSON.stringify(result));
