/**
 * `parallax export ... --pdf FILE`: prints a comparison to PDF through the app's own export route
 * (the compare page with print CSS, rendered by headless Chromium), so the command line and the app
 * produce the same document. With --blind it writes a classroom worksheet (no outlet named anywhere)
 * to FILE and the answer key, which names them, beside it as FILE-answer-key.pdf.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultCorpusDir, loadArticles, loadCorpus } from '../../lib/corpus';
import { ARTICLE_EXTENSIONS, PLAIN_ID, idFromFileName } from '../../lib/ingest';
import { startApp } from '../app-server';
import { parseOptions, reportErrors } from './shared';
import { MAX_COMPARED, MIN_COMPARED } from './compare';

export async function runExport(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    pdf: { type: 'string' },
    paper: { type: 'string', default: 'a4' },
    orientation: { type: 'string', default: 'auto' },
    hide: { type: 'string' },
    blind: { type: 'boolean' },
    focus: { type: 'string' },
    question: { type: 'string', multiple: true },
  });
  if (!values.pdf) throw new Error('name the output file with --pdf FILE, e.g. parallax export 000_aa3b1d39a0c4470b 003_0702bf80221a2f16 --pdf comparison.pdf');
  if (positionals.length < MIN_COMPARED || positionals.length > MAX_COMPARED) {
    throw new Error(`give ${MIN_COMPARED} to ${MAX_COMPARED} article ids (from corpus/) or paths`);
  }
  const corpus = await loadCorpus();
  const corpusIds = new Set(corpus.articles.map((a) => a.id));
  const paths = positionals.filter((r) => !(PLAIN_ID.test(r) && corpusIds.has(r)));
  const extra = paths.length ? await loadArticles(paths) : { articles: [], errors: [] };
  reportErrors(extra.errors);
  if (extra.errors.length) return 1;

  // Articles given by path are served from a temporary copy of the corpus, never written into it.
  let corpusDir = defaultCorpusDir();
  let tempDir: string | null = null;
  if (paths.length) {
    tempDir = await fs.mkdtemp(path.join(os.tmpdir(), 'parallax-export-'));
    await fs.cp(corpusDir, tempDir, { recursive: true });
    for (const p of paths) {
      for (const file of await articleFiles(p)) {
        const id = idFromFileName(file);
        await fs.copyFile(file, path.join(tempDir, `${id}${path.extname(file)}`));
        const sidecar = file.replace(/\.[^.]+$/, '.meta.json');
        await fs.copyFile(sidecar, path.join(tempDir, `${id}.meta.json`)).catch(() => undefined);
      }
    }
    corpusDir = tempDir;
  }
  const ids: string[] = [];
  for (const r of positionals) {
    if (PLAIN_ID.test(r) && corpusIds.has(r)) ids.push(r);
    else for (const file of await articleFiles(r)) ids.push(idFromFileName(file));
  }
  const app = await startApp({
    corpusDir,
    onBuild: () => process.stderr.write('parallax export: building the app once (about a minute)…\n'),
  });
  try {
    const query = new URLSearchParams({ articles: ids.join(','), format: 'pdf', paper: values.paper, orientation: values.orientation });
    if (values.hide) query.set('hide', values.hide);
    // Classroom mode: the worksheet first, then the answer key (key=1) as a separate file for the teacher.
    if (values.blind) query.set('blind', '1');
    if (values.blind && values.focus) query.set('focus', values.focus);
    if (values.blind && values.question?.length) query.set('q', values.question.join('\n'));
    const target = path.resolve(values.pdf);
    const outputs: [string, URLSearchParams][] = [[target, query]];
    if (values.blind) outputs.push([target.replace(/(\.pdf)?$/i, '-answer-key.pdf'), new URLSearchParams([...query, ['key', '1']])]);
    for (const [file, params] of outputs) {
      const res = await fetch(`${app.url}/api/export?${params.toString().replace(/%2C/g, ',')}`);
      if (!res.ok) {
        const body = await res.text();
        let message = body;
        try {
          message = (JSON.parse(body) as { error?: string }).error ?? body;
        } catch {
          // not JSON: print as it came
        }
        process.stderr.write(`parallax export: the export failed (${res.status}): ${message.slice(0, 2000)}\n`);
        return 1;
      }
      const bytes = new Uint8Array(await res.arrayBuffer());
      // Written beside the target and renamed into place: the file is whole or absent, never half-written.
      const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
      await fs.writeFile(tmp, bytes);
      await fs.rename(tmp, file);
      process.stderr.write(`parallax export: wrote ${file} (${(bytes.length / 1024).toFixed(0)} KB)\n`);
    }
    return 0;
  } finally {
    await app.stop();
    if (tempDir) await fs.rm(tempDir, { recursive: true, force: true });
  }
}

/** The article files a path stands for: the file, or a folder's article files. */
async function articleFiles(p: string): Promise<string[]> {
  const stat = await fs.stat(p);
  if (!stat.isDirectory()) return [p];
  const names = (await fs.readdir(p)).filter((n) => ARTICLE_EXTENSIONS.some((ext) => n.toLowerCase().endsWith(ext))).sort();
  return names.map((n) => path.join(p, n));
}
