/**
 * The corpus module: the one place that touches the disk. Reads articles and lexicons, writes
 * imported articles atomically; everything it returns is plain data for the pure core.
 */
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs, type BigIntStats } from 'node:fs';
import path from 'node:path';
import { stringify as stringifyYaml } from 'yaml';
import { ARTICLE_EXTENSIONS, MAX_ARTICLE_BYTES, PLAIN_ID, idFromFileName, ingestArticle } from './ingest';
import { parseLexicon } from './lexicon/schema';
import type { ArticleInput, Lexicon, LoadError } from './types';

/** The project root: where `corpus/` and `lexicons/` live (the CLI sets PARALLAX_ROOT to its own). */
export function projectRoot(): string {
  return process.env.PARALLAX_ROOT ?? process.cwd();
}

export function defaultCorpusDir(): string {
  return process.env.PARALLAX_CORPUS ?? path.join(projectRoot(), 'corpus');
}

export function defaultLexiconDir(): string {
  return process.env.PARALLAX_LEXICONS ?? path.join(projectRoot(), 'lexicons');
}

export interface LoadResult {
  articles: ArticleInput[];
  errors: LoadError[];
}

/** Progress callback: files read so far and bytes read so far. */
export type Progress = (filesRead: number, bytesRead: number) => void;

const SIDECAR = '.meta.json';

/** A path as reports show it: relative to the project root when inside it, so no machine path leaks. */
function displayPath(file: string): string {
  const rel = path.relative(projectRoot(), path.resolve(file));
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

function isArticleFile(name: string): boolean {
  const lower = name.toLowerCase();
  return ARTICLE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

function describeFsError(e: unknown): { reason: string; hint: string } {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return { reason: 'no such file or folder', hint: 'check the path (it is read relative to the current folder)' };
    case 'EACCES':
    case 'EPERM':
      return { reason: 'permission denied', hint: 'make the file readable (chmod +r) or run as a user who can read it' };
    case 'EISDIR':
      return { reason: 'is a folder where a file was expected', hint: 'pass the folder itself, not a path inside it' };
    default:
      return { reason: e instanceof Error ? e.message : String(e), hint: 'check that the path is a readable file or folder' };
  }
}

/** Lists the article files a path stands for: the file itself, or a folder's article files sorted by name. */
async function expandPath(p: string, errors: LoadError[]): Promise<string[]> {
  let stat;
  try {
    stat = await fs.stat(p);
  } catch (e) {
    errors.push({ file: p, ...describeFsError(e) });
    return [];
  }
  if (!stat.isDirectory()) return [p];
  let names: string[];
  try {
    names = await fs.readdir(p);
  } catch (e) {
    errors.push({ file: p, ...describeFsError(e) });
    return [];
  }
  const files: string[] = [];
  for (const name of names.sort()) {
    if (name.startsWith('.') || name.endsWith(SIDECAR)) continue;
    if (isArticleFile(name)) files.push(path.join(p, name));
    else {
      errors.push({
        file: path.join(p, name),
        reason: 'not an article file (Parallax reads .txt, .md and .markdown)',
        hint: 'save the article as .txt or .md, or move the file out of the folder',
      });
    }
  }
  return files;
}

async function readSidecar(file: string): Promise<{ value?: unknown; error?: LoadError }> {
  const sidecar = file.replace(/\.[^.]+$/, SIDECAR);
  let raw: string;
  try {
    raw = await fs.readFile(sidecar, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    return { error: { file: sidecar, ...describeFsError(e) } };
  }
  try {
    return { value: JSON.parse(raw) };
  } catch (e) {
    return {
      error: {
        file: sidecar,
        reason: `the metadata is not valid JSON (${e instanceof Error ? e.message : String(e)})`,
        hint: 'fix the JSON, or delete the file to load the article without metadata',
      },
    };
  }
}

/** One article file read from disk, with its sidecar: the bytes, or why it could not be read. */
type FileRead = { bytes: Uint8Array; side: { value?: unknown; error?: LoadError } } | { error: LoadError };

async function readArticleFile(file: string): Promise<FileRead> {
  try {
    const stat = await fs.stat(file);
    if (stat.size > MAX_ARTICLE_BYTES) {
      return {
        error: {
          file,
          reason: `the file is ${(stat.size / 1024 / 1024).toFixed(1)} MB, over the ${MAX_ARTICLE_BYTES / 1024 / 1024} MB limit for one article`,
          hint: 'split it into one file per article',
        },
      };
    }
    const bytes = await fs.readFile(file);
    return { bytes, side: /\.txt$/i.test(file) ? await readSidecar(file) : {} };
  } catch (e) {
    return { error: { file, ...describeFsError(e) } };
  }
}

/** Files read ahead of the one being ingested: many small files load several times faster than one by one. */
const READ_AHEAD = 16;

/**
 * Loads articles from files and folders. Bad files become LoadErrors and never stop the others; a
 * second file with an id already taken is refused rather than silently replacing the first. Files
 * are read a few at a time but ingested in order, so results and errors come in file order.
 */
export async function loadArticles(paths: string[], onProgress?: Progress): Promise<LoadResult> {
  const errors: LoadError[] = [];
  const articles: ArticleInput[] = [];
  const seen = new Map<string, string>();
  let filesRead = 0;
  let bytesRead = 0;
  for (const p of paths) {
    const files = await expandPath(p, errors);
    const reads: (Promise<FileRead> | undefined)[] = files.slice(0, READ_AHEAD).map(readArticleFile);
    for (let i = 0; i < files.length; i++) {
      const file = files[i]!;
      const read = await reads[i]!;
      reads[i] = undefined; // the bytes are not kept past their turn
      const next = files[i + READ_AHEAD];
      if (next !== undefined) reads.push(readArticleFile(next));
      if ('error' in read) {
        errors.push(read.error);
        continue;
      }
      const { bytes, side } = read;
      filesRead++;
      bytesRead += bytes.length;
      onProgress?.(filesRead, bytesRead);
      if (side.error) {
        errors.push(side.error);
        continue;
      }
      const result = ingestArticle(displayPath(file), bytes, side.value);
      if (!result.ok) {
        errors.push(result.error);
        continue;
      }
      const first = seen.get(result.article.id);
      if (first !== undefined) {
        errors.push({
          file,
          reason: `its id "${result.article.id}" is already used by ${first}`,
          hint: 'rename one of the two files: an article id is its file name without extension',
        });
        continue;
      }
      seen.set(result.article.id, file);
      articles.push(result.article);
    }
  }
  return { articles, errors };
}

/**
 * True when the corpus folder holds a file for article `id` (any article extension, in any case),
 * whether or not it loads cleanly: a file that fails to load still has a page, which shows its error.
 * The server asks this before rendering an article page, whose status it cannot change later.
 */
export async function hasArticleFile(id: string, dir = defaultCorpusDir()): Promise<boolean> {
  return hasArticleFiles([id], dir);
}

/** {@link hasArticleFile} for every one of `ids` (a comparison's), reading the folder once; true for none. */
export async function hasArticleFiles(ids: readonly string[], dir = defaultCorpusDir()): Promise<boolean> {
  if (ids.length === 0) return true;
  if (!ids.every((id) => PLAIN_ID.test(id))) return false;
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return false;
  }
  const present = new Set<string>();
  for (const name of names) if (isArticleFile(name) && !name.startsWith('.')) present.add(idFromFileName(name));
  return ids.every((id) => present.has(id));
}

/** Loads the bundled corpus (or PARALLAX_CORPUS). */
export function loadCorpus(onProgress?: Progress): Promise<LoadResult> {
  return loadArticles([defaultCorpusDir()], onProgress);
}

export interface LexiconLoad {
  lexicons: Lexicon[];
  errors: LoadError[];
}

/** Reads and validates every `*.yaml` lexicon in a folder; a bad file is reported and skipped. */
export async function loadLexicons(dir = defaultLexiconDir()): Promise<LexiconLoad> {
  const errors: LoadError[] = [];
  const lexicons: Lexicon[] = [];
  let names: string[];
  try {
    names = (await fs.readdir(dir)).filter((n) => /\.ya?ml$/i.test(n)).sort();
  } catch (e) {
    return { lexicons, errors: [{ file: dir, ...describeFsError(e) }] };
  }
  for (const name of names) {
    const file = path.join(dir, name);
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (e) {
      errors.push({ file, ...describeFsError(e) });
      continue;
    }
    const parsed = parseLexicon(text, path.relative(projectRoot(), file) || file);
    if ('errors' in parsed) {
      errors.push({ file, reason: parsed.errors.join('\n'), hint: 'fix the entries named above; the other lexicons still load' });
    } else lexicons.push(parsed.lexicon);
  }
  return { lexicons, errors };
}

/** What an import supplies: metadata plus the article text. */
export interface NewArticle {
  title: string;
  outlet: string | null;
  published: string | null;
  url: string | null;
  language?: string;
  text: string;
}

/**
 * Writes an imported article as `<id>.md` with YAML front matter. The file is written to a temporary
 * name and then hard-linked into place, so a reader never sees half a file and two imports never
 * overwrite each other (link fails when the name exists; we then pick another id).
 */
export async function saveArticle(article: NewArticle, dir = defaultCorpusDir()): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  const front = stringifyYaml({
    title: article.title,
    outlet: article.outlet ?? undefined,
    published: article.published ?? undefined,
    url: article.url ?? undefined,
    language: article.language ?? 'en',
  });
  const body = `---\n${front}---\n${article.text.endsWith('\n') ? article.text : `${article.text}\n`}`;
  const tmp = path.join(dir, `.tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
  await fs.writeFile(tmp, body, { flag: 'wx' });
  try {
    const base = idFromFileName(`${article.title}.md`).toLowerCase().slice(0, 60).replace(/[-_]+$/, '') || 'article';
    for (let attempt = 0; attempt < 20; attempt++) {
      const id = `${base}-${randomBytes(3).toString('hex')}`;
      if (!PLAIN_ID.test(id)) continue;
      const target = path.join(dir, `${id}.md`);
      try {
        await fs.link(tmp, target);
        return id;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
    }
    throw new Error(`could not find a free article id in ${dir} after 20 tries`);
  } finally {
    await fs.rm(tmp, { force: true });
  }
}

/** Reads one article of the corpus by id; null when there is none. Ids are checked before any path is built. */
export async function findArticleFile(id: string, dir = defaultCorpusDir()): Promise<string | null> {
  if (!PLAIN_ID.test(id)) return null;
  for (const ext of ARTICLE_EXTENSIONS) {
    const file = path.join(dir, `${id}${ext}`);
    try {
      await fs.access(file);
      return file;
    } catch {
      // try the next extension
    }
  }
  return null;
}

/** A lexicon file's text and a version stamp to detect concurrent edits. */
export interface LexiconFile {
  id: string;
  file: string;
  yaml: string;
  version: string;
}

const LEXICON_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

function versionOf(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** Reads one lexicon file by id; null when there is none (ids are checked before a path is built). */
export async function readLexiconFile(id: string, dir = defaultLexiconDir()): Promise<LexiconFile | null> {
  if (!LEXICON_ID.test(id)) return null;
  const file = path.join(dir, `${id}.yaml`);
  try {
    const yaml = await fs.readFile(file, 'utf8');
    return { id, file, yaml, version: versionOf(yaml) };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

export class LexiconConflictError extends Error {
  constructor(readonly id: string) {
    super(`the lexicon "${id}" was changed by someone else since it was read; reload it and apply the edit again`);
  }
}

// One writer at a time per lexicon within this process; the version check covers other processes.
const lexiconLocks = new Map<string, Promise<unknown>>();

/**
 * Replaces (or creates, with `expectedVersion` null) a lexicon file atomically: the text goes to a
 * temporary file that is renamed over the old one, so readers see the old file or the new one, never
 * half of either. A stale `expectedVersion` is refused rather than overwriting someone's edit.
 */
export async function writeLexiconFile(id: string, yaml: string, expectedVersion: string | null, dir = defaultLexiconDir()): Promise<LexiconFile> {
  if (!LEXICON_ID.test(id)) throw new Error(`"${id}" is not a lexicon id: use lower-case letters, digits and hyphens`);
  const previous = lexiconLocks.get(id) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(async () => {
    const current = await readLexiconFile(id, dir);
    if ((current?.version ?? null) !== expectedVersion) throw new LexiconConflictError(id);
    await fs.mkdir(dir, { recursive: true });
    const file = path.join(dir, `${id}.yaml`);
    const tmp = path.join(dir, `.tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
    await fs.writeFile(tmp, yaml, { flag: 'wx' });
    try {
      if (expectedVersion === null) {
        // A new lexicon must not replace one created meanwhile: link fails if the name exists.
        await fs.link(tmp, file).catch((e: NodeJS.ErrnoException) => {
          throw e.code === 'EEXIST' ? new LexiconConflictError(id) : e;
        });
      } else {
        await fs.rename(tmp, file);
      }
    } finally {
      await fs.rm(tmp, { force: true });
    }
    return { id, file, yaml, version: versionOf(yaml) };
  });
  lexiconLocks.set(id, run);
  try {
    return await run;
  } finally {
    if (lexiconLocks.get(id) === run) lexiconLocks.delete(id);
  }
}

/** A cheap fingerprint of the files the corpus and lexicon loaders read, from metadata alone. */
export interface DataStamp {
  /** Changes whenever a file in the folders is added, removed, renamed over or written. */
  key: string;
  /**
   * False while any file (or folder) was changed within the last `settleMs`: file times are only as
   * fine as the kernel clock tick (or seconds on some file systems), so two writes close together
   * could leave the same size and times; callers must not trust the key to stand for the content then.
   */
  settled: boolean;
}

export interface StampOptions {
  dirs?: string[];
  /** The current time in ms (tests pass one). */
  now?: number;
  settleMs?: number;
}

/**
 * Stamps the corpus and lexicon folders (name, size, inode, modification and change times of every
 * entry) without reading any file, so a server can tell in well under a millisecond whether a cached
 * analysis or page still stands for what is on disk, whether the change came through the app or an editor.
 */
export async function dataStamp({ dirs = [defaultCorpusDir(), defaultLexiconDir()], now = Date.now(), settleMs = 2000 }: StampOptions = {}): Promise<DataStamp> {
  const hash = createHash('sha256');
  let newest = 0;
  const describe = (name: string, st: BigIntStats) => {
    newest = Math.max(newest, Number(st.mtimeMs), Number(st.ctimeMs));
    return `${name}\0${st.ino}\0${st.size}\0${st.mtimeNs}\0${st.ctimeNs}`;
  };
  for (const dir of dirs) {
    hash.update(`dir\0${path.resolve(dir)}\n`);
    let names: string[];
    try {
      hash.update(`${describe('.', await fs.stat(dir, { bigint: true }))}\n`);
      names = (await fs.readdir(dir)).sort();
    } catch (e) {
      hash.update(`error\0${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
      continue;
    }
    const stats = await Promise.all(names.map((n) => fs.stat(path.join(dir, n), { bigint: true }).catch((e: NodeJS.ErrnoException) => e.code ?? 'error')));
    names.forEach((name, i) => {
      const st = stats[i]!;
      hash.update(`${typeof st === 'string' ? `${name}\0${st}` : describe(name, st)}\n`);
    });
  }
  return { key: hash.digest('hex').slice(0, 32), settled: now - newest > settleMs };
}
