import { appendFileSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataStamp, hasArticleFile, hasArticleFiles, loadArticles, loadCorpus, saveArticle, writeLexiconFile } from '../lib/corpus';
import { CORPUS_DIR, SEED_IDS, seedText } from './helpers/seeds';

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'parallax-corpus-'));
}

describe('corpus', () => {
  it('loads the five seeds byte-for-byte with their metadata', async () => {
    const { articles, errors } = await loadArticles([CORPUS_DIR]);
    expect(errors).toEqual([]);
    expect(articles.map((a) => a.id)).toEqual([...SEED_IDS]);
    for (const a of articles) {
      expect(Buffer.from(a.text, 'utf8').equals(readFileSync(path.join(CORPUS_DIR, `${a.id}.txt`)))).toBe(true);
      expect(a.language).toBe('en');
      expect(a.url).toMatch(/^https?:\/\//);
    }
    expect(articles.find((a) => a.id === '001_d6d9fc5bcd022e88')).toMatchObject({ outlet: 'Press TV', published: '2021-09-05' });
  });

  it('loads the good files of a mixed folder and names every bad one', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'good.txt'), seedText('004_1a7acaa75544b218'));
    writeFileSync(path.join(dir, 'good2.md'), '---\ntitle: Fine\npublished: 2020-01-02\n---\nA body.\n');
    writeFileSync(path.join(dir, 'empty.txt'), '');
    writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    writeFileSync(path.join(dir, 'bad-date.md'), '---\npublished: yesterday\n---\nBody.\n');
    writeFileSync(path.join(dir, 'picture.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    writeFileSync(path.join(dir, 'badmeta.txt'), 'Body.\n');
    writeFileSync(path.join(dir, 'badmeta.meta.json'), '{ not json');
    const { articles, errors } = await loadArticles([dir, path.join(dir, 'missing-folder')]);
    expect(articles.map((a) => a.id).sort()).toEqual(['good', 'good2']);
    const byFile = Object.fromEntries(errors.map((e) => [path.basename(e.file), e.reason]));
    expect(Object.keys(byFile).sort()).toEqual(['bad-date.md', 'badmeta.meta.json', 'empty.txt', 'latin1.txt', 'missing-folder', 'picture.png']);
    expect(byFile['missing-folder']).toContain('no such file');
  });

  it('refuses a second file with an id already taken instead of replacing the first', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'b'));
    writeFileSync(path.join(dir, 'same.txt'), 'First.\n');
    writeFileSync(path.join(dir, 'b', 'same.md'), 'Second.\n');
    const { articles, errors } = await loadArticles([path.join(dir, 'same.txt'), path.join(dir, 'b')]);
    expect(articles.map((a) => a.text)).toEqual(['First.\n']);
    expect(errors[0]?.reason).toContain('already used');
  });

  it('saves twenty imports at once as distinct complete files that load back', async () => {
    const dir = tempDir();
    const ids = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        saveArticle({ title: 'Same title', outlet: 'Test', published: '2024-01-01', url: null, text: `Article number ${i}.\n\n${'word '.repeat(2000)}` }, dir),
      ),
    );
    expect(new Set(ids).size).toBe(20);
    expect(readdirSync(dir).filter((f) => f.startsWith('.tmp'))).toEqual([]);
    const { articles, errors } = await loadArticles([dir]);
    expect(errors).toEqual([]);
    expect(articles.map((a) => a.text.split('.')[0]).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `Article number ${i}`).sort());
    expect(articles.every((a) => a.title === 'Same title' && a.published === '2024-01-01')).toBe(true);
  });

  it('reads the bundled corpus by default', async () => {
    const { articles } = await loadCorpus();
    expect(articles).toHaveLength(5);
  });
});

describe('hasArticleFile', () => {
  it('answers for exactly the ids the loader would give the folder\'s article files', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'parallax-has-'));
    try {
      for (const name of ['plain.txt', 'Upper.MD', 'long.markdown', '.hidden.txt', 'only.meta.json', 'notes.docx']) writeFileSync(path.join(dir, name), 'Some text.');
      const loaded = (await loadArticles([dir])).articles.map((a) => a.id).sort();
      expect(loaded).toEqual(['Upper', 'long', 'plain']);
      for (const id of loaded) expect(await hasArticleFile(id, dir)).toBe(true);
      for (const id of ['hidden', '.hidden', 'only', 'only.meta', 'notes', 'missing', '../plain', 'plain.txt', '']) expect(await hasArticleFile(id, dir)).toBe(false);
      expect(await hasArticleFile('plain', path.join(dir, 'no-such-folder'))).toBe(false);
      // A comparison's ids, the folder read once: all must have a file.
      expect(await hasArticleFiles(loaded, dir)).toBe(true);
      expect(await hasArticleFiles([...loaded, 'missing'], dir)).toBe(false);
      expect(await hasArticleFiles([loaded[0]!, '../plain'], dir)).toBe(false);
      expect(await hasArticleFiles([], dir)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('dataStamp', () => {
  // Far enough ahead that every file counts as settled, unless a test says otherwise.
  const later = () => Date.now() + 60_000;
  const stampOf = async (dirs: string[]) => (await dataStamp({ dirs, now: later() })).key;
  const tick = () => new Promise((r) => setTimeout(r, 30));

  it('gives the same key for unchanged folders and a new one when an article is added or removed', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.md'), 'One.\n');
    const first = await stampOf([dir]);
    expect(await stampOf([dir])).toBe(first);
    writeFileSync(path.join(dir, 'b.md'), 'Two.\n');
    const added = await stampOf([dir]);
    expect(added).not.toBe(first);
    rmSync(path.join(dir, 'b.md'));
    expect(await stampOf([dir])).not.toBe(added);
  });

  it('changes when a file is edited in place, even to the same size with its old modification time put back', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.md');
    writeFileSync(file, 'Rebels agreed.\n');
    const before = statSync(file);
    const first = await stampOf([dir]);
    // File times move in clock ticks (a few ms): two writes within one tick are what `settled` guards against.
    await tick();
    writeFileSync(file, 'Rebels agreeD.\n');
    utimesSync(file, before.atime, before.mtime);
    // Size and mtime are as before; the change time (which no one can set) still moves.
    expect(statSync(file).size).toBe(before.size);
    expect(await stampOf([dir])).not.toBe(first);
    const second = await stampOf([dir]);
    await tick();
    appendFileSync(file, 'More.\n');
    expect(await stampOf([dir])).not.toBe(second);
  });

  it('changes when a file is replaced by an atomic rename, as imports and lexicon edits write', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'syria.yaml'), 'a: 1\n');
    const first = await stampOf([dir]);
    writeFileSync(path.join(dir, '.tmp'), 'a: 2\n');
    renameSync(path.join(dir, '.tmp'), path.join(dir, 'syria.yaml'));
    expect(await stampOf([dir])).not.toBe(first);
  });

  it('sees a lexicon saved through writeLexiconFile and an article saved through saveArticle', async () => {
    const corpus = tempDir();
    const lexicons = tempDir();
    const first = await stampOf([corpus, lexicons]);
    await writeLexiconFile('topic', 'id: topic\n', null, lexicons);
    const second = await stampOf([corpus, lexicons]);
    expect(second).not.toBe(first);
    await saveArticle({ title: 'A bridge', outlet: null, published: null, url: null, text: 'Body.' }, corpus);
    expect(await stampOf([corpus, lexicons])).not.toBe(second);
  });

  it('is unsettled while a file is younger than the settle time, and settled after it', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.md'), 'One.\n');
    const now = Date.now();
    expect((await dataStamp({ dirs: [dir], now, settleMs: 2000 })).settled).toBe(false);
    expect((await dataStamp({ dirs: [dir], now: now + 2500, settleMs: 2000 })).settled).toBe(true);
  });

  it('stamps a missing folder instead of throwing, and changes when it appears', async () => {
    const missing = path.join(tempDir(), 'not-yet');
    const first = await stampOf([missing]);
    mkdirSync(missing);
    expect(await stampOf([missing])).not.toBe(first);
  });

  it('tells two folders with the same files apart', async () => {
    const a = tempDir();
    const b = tempDir();
    expect(await stampOf([a])).not.toBe(await stampOf([b]));
  });
});
