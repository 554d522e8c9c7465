import { describe, expect, it } from 'vitest';
import { idFromFileName, ingestArticle, MAX_ARTICLE_BYTES } from '../lib/ingest';

const enc = (s: string) => new TextEncoder().encode(s);

function rejected(file: string, bytes: Uint8Array, sidecar?: unknown) {
  const r = ingestArticle(file, bytes, sidecar);
  if (r.ok) throw new Error(`expected ${file} to be rejected`);
  return r.error;
}

describe('ingest', () => {
  it('reads Markdown front matter with quoted and unquoted dates', () => {
    for (const date of ['2018-07-06', '"2018-07-06"']) {
      const r = ingestArticle('a.md', enc(`---\ntitle: A title\noutlet: AFP\npublished: ${date}\nurl: https://example.org/a\n---\nBody text.\n`));
      expect(r.ok && r.article).toMatchObject({ id: 'a', title: 'A title', outlet: 'AFP', published: '2018-07-06', url: 'https://example.org/a', text: 'Body text.\n' });
    }
  });

  it('keeps a .txt file text exactly, metadata coming from its sidecar', () => {
    const text = 'Headline\n\nBody “quoted” text.\n';
    const r = ingestArticle('x/seed.txt', enc(text), { outlet: 'Press TV', published: '2018-07-06', language: 'en' });
    expect(r.ok && r.article.text).toBe(text);
    expect(r.ok && r.article.outlet).toBe('Press TV');
  });

  it('names the reason and a fix for each kind of bad file', () => {
    expect(rejected('empty.txt', enc(''))).toMatchObject({ file: 'empty.txt', reason: expect.stringContaining('empty') });
    expect(rejected('blank.txt', enc(' \n\t\n'))).toMatchObject({ reason: expect.stringContaining('blank') });
    expect(rejected('bin.txt', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toMatchObject({ reason: expect.stringContaining('binary') });
    expect(rejected('latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]))).toMatchObject({ reason: expect.stringContaining('UTF-8') });
    expect(rejected('big.txt', new Uint8Array(MAX_ARTICLE_BYTES + 1).fill(0x61))).toMatchObject({ reason: expect.stringContaining('limit') });
    expect(rejected('fm.md', enc('---\ntitle: [unclosed\n---\nBody\n'))).toMatchObject({ reason: expect.stringContaining('YAML') });
    expect(rejected('open.md', enc('---\ntitle: x\nBody\n'))).toMatchObject({ reason: expect.stringContaining('never closes') });
    const date = rejected('date.md', enc('---\npublished: 2018-13-45\n---\nBody\n'));
    expect(date.reason).toContain('published');
    expect(date.reason).toContain('YYYY-MM-DD');
    for (const e of [date]) expect(e.hint.length).toBeGreaterThan(10);
  });

  it('makes a plain id from any file name', () => {
    expect(idFromFileName('corpus/000_aa3b1d39a0c4470b.txt')).toBe('000_aa3b1d39a0c4470b');
    expect(idFromFileName('/tmp/My Article (copy).md')).toBe('My-Article-copy');
    expect(idFromFileName('Дамаск.txt')).toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]*$/);
  });
});
