/**
 * Benchmark: event grouping on BASIL (100 events x 3 outlets, read at run time from ../shared/eval/basil
 * or BASIL_DIR; its texts never enter the project). Pools all articles, groups them, and prints pairwise
 * precision, recall and F1 against the gold triplets, with timings (median of three; CPU seconds too,
 * as wall time on a shared machine wanders): `npx tsx bench/events.bench.ts [--show]`. Runs without
 * compromise and without publication dates show what each part costs and carries.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { groupEvents, type EventOptions } from '../lib/events';
import { splitParagraphs, splitSentences } from '../lib/segment';
import type { ArticleAnalysis, EventGroup, Paragraph, Sentence } from '../lib/types';

const dir = process.env.BASIL_DIR ?? path.resolve(import.meta.dirname, '..', '..', 'shared', 'eval', 'basil');

interface BasilArticle {
  outlet: string;
  outlet_name?: string;
  title?: string;
  date?: string;
  url?: string;
  text: string;
}

/** An analysis with every "\n\n" paragraph as body text: BASIL has no chrome and no lexicon is needed here. */
function analysis(id: string, a: BasilArticle): ArticleAnalysis {
  const paragraphs: Paragraph[] = splitParagraphs(a.text).map((s, index) => ({ ...s, index, role: 'body', reason: null, boilerplate: null }));
  const sentences: Sentence[] = [];
  for (const p of paragraphs) for (const s of splitSentences(a.text, p)) sentences.push({ ...s, index: sentences.length, paragraph: p.index });
  return {
    id,
    source: `basil:${id}`,
    outlet: a.outlet_name ?? a.outlet,
    title: a.title?.trim() || id,
    titleFrom: a.title?.trim() ? 'metadata' : 'first-sentence',
    published: a.date && /^\d{4}-\d{2}-\d{2}$/.test(a.date) ? a.date : null,
    url: a.url ?? null,
    language: 'en',
    text: a.text,
    paragraphs,
    sentences,
    terms: [],
    stats: { words: 0, characters: a.text.length, boilerplateShare: 0, loadedTerms: 0 },
  };
}

const gold = new Map<string, string>();
const articles: ArticleAnalysis[] = [];
for (const file of readdirSync(path.join(dir, 'events')).filter((f) => f.endsWith('.json')).sort()) {
  const event = JSON.parse(readFileSync(path.join(dir, 'events', file), 'utf8')) as { event_id: string; articles: BasilArticle[] };
  for (const a of event.articles) {
    const id = `${event.event_id}_${a.outlet}`;
    gold.set(id, event.event_id);
    articles.push(analysis(id, a));
  }
}

/** Pairwise precision/recall/F1 over same-group article pairs. */
function score(groups: EventGroup[]) {
  const predicted = new Map<string, number>();
  groups.forEach((g, i) => g.articles.forEach((id) => predicted.set(id, i)));
  const ids = [...gold.keys()];
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const same = gold.get(ids[i]!) === gold.get(ids[j]!);
      const together = predicted.get(ids[i]!) === predicted.get(ids[j]!);
      if (same && together) tp++;
      else if (together) fp++;
      else if (same) fn++;
    }
  }
  const precision = tp / (tp + fp || 1);
  const recall = tp / (tp + fn || 1);
  const exact = groups.filter((g) => g.articles.length === 3 && new Set(g.articles.map((id) => gold.get(id))).size === 1).length;
  const r = (x: number) => Number(x.toFixed(4));
  return { precision: r(precision), recall: r(recall), f1: r((2 * precision * recall) / (precision + recall || 1)), groups: groups.length, exactTriplets: exact };
}

/** Groups the articles three times; reports the scores and the median wall-clock and CPU seconds. */
function run(label: string, input: ArticleAnalysis[], options: EventOptions = {}) {
  const walls: number[] = [];
  const cpus: number[] = [];
  let groups: EventGroup[] = [];
  for (let i = 0; i < 3; i++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    groups = groupEvents(input, options);
    walls.push(performance.now() - t0);
    const cpu = process.cpuUsage(cpu0);
    cpus.push((cpu.user + cpu.system) / 1000);
  }
  const median = (xs: number[]) => Number(([...xs].sort((a, b) => a - b)[1]! / 1000).toFixed(3));
  const mb = input.reduce((n, a) => n + Buffer.byteLength(a.text), 0) / 1024 / 1024;
  console.log(
    JSON.stringify({
      bench: 'events',
      run: label,
      articles: input.length,
      corpusMB: Number(mb.toFixed(2)),
      ...score(groups),
      seconds: median(walls),
      cpuSeconds: median(cpus),
    }),
  );
  return groups;
}

// Warm up the JIT (and compromise's lexicon) on a slice so the timings describe steady state.
groupEvents(articles.slice(0, 30));

const groups = run('basil', articles);
run('basil-no-nlp', articles, { nameKinds: false });
// The candidate path larger corpora take (rarer shared features instead of all pairs), on the same data.
run('basil-candidates-only', articles, { nameKinds: false, allPairsUpTo: 0 });
run('basil-without-dates', articles.map((a) => ({ ...a, published: null })), { nameKinds: false });
console.log(JSON.stringify({ bench: 'events', peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) }));
if (process.argv.includes('--show')) {
  for (const g of groups) console.error(`${g.articles.length} ${g.label} | ${g.why}`);
}
