import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticles, loadCorpus, saveArticle } from '../lib/corpus';
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
