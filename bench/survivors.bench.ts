/**
 * What the analysis keeps alive long enough to be copied by V8's young-generation GC (a scavenge): the
 * objects that survive one are copied once or twice and then fill the old generation, which is where a
 * first run's GC time goes. Runs `analyzeArticles` once over the synthetic corpus (default 10 MB, after
 * the same 20-article warm-up as analyze.bench.ts) under V8's sampling heap profiler, counting only the
 * objects that survived a scavenge, and prints one JSON line: the sampled MB in all, per stage, and the
 * functions that made the most. Sampled, so figures move by a few percent between runs, and the
 * candidates stage by more (about 35 to 70 MB at 10 MB): some runs keep more of its drafts, depending on
 * when V8 starts allocating their objects straight in the old generation. Compare commits over a few
 * runs; these MB depend far less on the machine's load than timings do.
 *
 *   npx tsx bench/survivors.bench.ts [MB]
 */
import { Session } from 'node:inspector/promises';
import { analyzeArticles } from '../lib/analyze';
import { loadLexicons } from '../lib/corpus';
import { syntheticCorpus } from './synthetic';

interface SampleNode {
  callFrame: { functionName: string; url: string };
  selfSize: number;
  children: SampleNode[];
}

const mb = Number(process.argv[2] ?? 10);
const { lexicons } = await loadLexicons();
const articles = syntheticCorpus(mb * 1024 * 1024, 7, 0.25, { dates: 'events' });
analyzeArticles(articles.slice(0, 20), lexicons);

const session = new Session();
session.connect();
await session.post('HeapProfiler.enable');
// Objects freed by a scavenge are left out (they cost the GC next to nothing); those that lived on and
// were freed later by a full GC are kept in.
await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: false });
analyzeArticles(articles, lexicons);
const { profile } = (await session.post('HeapProfiler.stopSampling')) as { profile: { head: SampleNode } };
session.disconnect();

// The function that starts each stage, as analyzeArticles calls them.
const STAGES = new Map([
  ['analyzeTokenized', 'articles'],
  ['detectBoilerplate', 'boilerplate'],
  ['groupEvents', 'events'],
  ['discoverCandidates', 'candidates'],
]);
const byStage: Record<string, number> = {};
const byFunction = new Map<string, number>();
let total = 0;
const walk = (node: SampleNode, stage: string, caller: string) => {
  const name = node.callFrame.functionName || '(anonymous)';
  const here = STAGES.get(name) ?? stage;
  // A builtin (Map.prototype.set, Array.prototype.push...) is charged to the script function calling it.
  const owner = node.callFrame.url ? name : `${caller} > ${name}`;
  if (node.selfSize) {
    total += node.selfSize;
    byStage[here] = (byStage[here] ?? 0) + node.selfSize;
    byFunction.set(owner, (byFunction.get(owner) ?? 0) + node.selfSize);
  }
  for (const child of node.children) walk(child, here, node.callFrame.url ? name : caller);
};
walk(profile.head, 'other', '(root)');

const megabytes = (bytes: number) => Number((bytes / 1e6).toFixed(1));
console.log(
  JSON.stringify({
    bench: 'survivors',
    corpusMB: mb,
    articles: articles.length,
    survivedScavengeMB: megabytes(total),
    byStageMB: Object.fromEntries(Object.entries(byStage).sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, megabytes(v)])),
    topFunctionsMB: [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => [k, megabytes(v)]),
  }),
);
