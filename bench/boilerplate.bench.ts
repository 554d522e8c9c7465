/**
 * Benchmark of the boilerplate stage on a synthetic corpus of 100,000 paragraphs mutated from the
 * sample articles; run with `npx tsx bench/boilerplate.bench.ts [paragraphs]`. Prints, never asserts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { detectBoilerplate, type BoilerplateDoc } from '../lib/boilerplate/index';
import { splitParagraphs } from '../lib/segment';

const PARAGRAPHS_PER_ARTICLE = 25;
const OUTLETS = ['Outlet A', 'Outlet B', 'Outlet C', 'Outlet D', 'Outlet E'];

/** Mulberry32: a small seeded PRNG, so every run builds the same corpus. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every paragraph of the sample articles, in file order. */
function seedParagraphs(): string[] {
  const dir = fileURLToPath(new URL('../corpus/', import.meta.url));
  const seeds: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const text = readFileSync(dir + file, 'utf8');
    for (const span of splitParagraphs(text)) seeds.push(text.slice(span.start, span.end));
  }
  return seeds;
}

/** A synthetic corpus plus, for every paragraph in order, the index of the seed paragraph it copies. */
export interface SyntheticCorpus {
  docs: BoilerplateDoc[];
  origins: number[];
}

/**
 * Builds `total` paragraphs from the seed paragraphs, each copy with ~8% of its words dropped and ~8%
 * swapped for random words of the seeds (lines under six words are copied as they are).
 */
export function syntheticCorpus(total: number, seed = 42): SyntheticCorpus {
  const seeds = seedParagraphs();
  const vocabulary = seeds.flatMap((p) => p.split(/\s+/u)).filter(Boolean);
  const origins: number[] = [];
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const docs: BoilerplateDoc[] = [];
  let made = 0;
  while (made < total) {
    const count = Math.min(PARAGRAPHS_PER_ARTICLE, total - made);
    const paragraphs: string[] = [];
    for (let i = 0; i < count; i++) {
      const words: string[] = [];
      const origin = Math.floor(random() * seeds.length);
      origins.push(origin);
      const source = (seeds[origin] ?? '').split(/ +/u);
      for (const word of source) {
        // Lines under six words are site furniture, which sites repeat verbatim.
        const r = source.length < 6 ? 1 : random();
        if (r < 0.08) continue;
        words.push(r < 0.16 ? pick(vocabulary) : word);
      }
      paragraphs.push(words.join(' ') || 'Empty');
    }
    const text = paragraphs.join('\n\n');
    const spans = splitParagraphs(text);
    if (spans.length !== count) throw new Error(`synthetic article ${docs.length} split into ${spans.length} paragraphs, not ${count}`);
    docs.push({ id: `synthetic-${docs.length}`, outlet: pick(OUTLETS), text, paragraphs: spans });
    made += count;
  }
  return { docs, origins };
}

/** Seed paragraph index -> id of its family among the seeds themselves (twins in the seeds share one). */
function seedGroups(): number[] {
  const dir = fileURLToPath(new URL('../corpus/', import.meta.url));
  const docs = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const text = readFileSync(dir + file, 'utf8');
      return { id: file, outlet: null, text, paragraphs: splitParagraphs(text) };
    });
  const groups: number[] = [];
  const byFamily = new Map<string, number>();
  for (const article of detectBoilerplate(docs)) {
    for (const info of article) {
      const family = info?.family;
      if (family === undefined) groups.push(groups.length);
      else {
        if (!byFamily.has(family)) byFamily.set(family, groups.length);
        groups.push(byFamily.get(family) ?? groups.length);
      }
    }
  }
  return groups;
}

interface Result {
  paragraphs: number;
  buildMs: number;
  detectMs: number;
  /** CPU time of the process during detection (the machine may be shared, so wall time can mislead). */
  cpuMs: number;
  families: number;
  inFamilies: number;
  /** Paragraphs whose family is mostly copies of a different seed paragraph (and not its twin). */
  wronglyGrouped: number;
}

function runInWorker(total: number): Result {
  const t0 = performance.now();
  const { docs, origins } = syntheticCorpus(total);
  const t1 = performance.now();
  const cpu0 = process.cpuUsage();
  const out = detectBoilerplate(docs);
  const cpu = process.cpuUsage(cpu0);
  const t2 = performance.now();

  // Quality: each family should hold copies of one seed paragraph (or of seed twins, e.g. stock pairs).
  const groups = seedGroups();
  const members = new Map<string, number[]>();
  let k = 0;
  for (const article of out) {
    for (const info of article) {
      const group = groups[origins[k++] ?? 0] ?? -1;
      if (!info) continue;
      const list = members.get(info.family) ?? [];
      list.push(group);
      members.set(info.family, list);
    }
  }
  let inFamilies = 0;
  let wronglyGrouped = 0;
  for (const list of members.values()) {
    const counts = new Map<number, number>();
    for (const g of list) counts.set(g, (counts.get(g) ?? 0) + 1);
    inFamilies += list.length;
    wronglyGrouped += list.length - Math.max(...counts.values());
  }
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return { paragraphs: k, buildMs: t1 - t0, detectMs: t2 - t1, cpuMs, families: members.size, inFamilies, wronglyGrouped };
}

const MiB = 1024 * 1024;

const isEntry = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);

if (isMainThread && isEntry) {
  const total = Number(process.argv[2] ?? 100_000);
  // Detection is synchronous, so it runs in a worker while this thread samples the process's RSS.
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  // A worker does not inherit tsx's loader, so it registers tsx before importing this file.
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); });`;
  const worker = new Worker(boot, { eval: true, workerData: { bench: true, total } });
  worker.on('message', (r: Result) => {
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    const maxRss = process.resourceUsage().maxRSS * 1024;
    console.log(`boilerplate bench: ${r.paragraphs.toLocaleString('en')} paragraphs, ${OUTLETS.length} outlets`);
    console.log(`  build synthetic corpus: ${(r.buildMs / 1000).toFixed(2)} s`);
    console.log(`  detectBoilerplate:      ${(r.detectMs / 1000).toFixed(2)} s wall, ${(r.cpuMs / 1000).toFixed(2)} s CPU (target < 30 s)`);
    console.log(`  peak RSS sampled:       ${(peak / MiB).toFixed(0)} MiB (maxRSS ${(maxRss / MiB).toFixed(0)} MiB; target < 1024 MiB)`);
    console.log(`  families: ${r.families.toLocaleString('en')} (from ${seedParagraphs().length} seed paragraphs, some of them twins)`);
    const share = (x: number) => `${((100 * x) / r.paragraphs).toFixed(2)}%`;
    console.log(`  paragraphs in a family: ${r.inFamilies.toLocaleString('en')} (${share(r.inFamilies)})`);
    console.log(`  wrongly grouped:        ${r.wronglyGrouped.toLocaleString('en')} (${share(r.wronglyGrouped)})`);
  });
  worker.on('error', (err) => {
    clearInterval(timer);
    console.error(err);
    process.exitCode = 1;
  });
} else if (!isMainThread && (workerData as { bench?: boolean } | null)?.bench) {
  parentPort?.postMessage(runInWorker((workerData as { total: number }).total));
}
