import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { idFromFileName, ingestArticle, MAX_ARTICLE_BYTES, simpleFrontMatter } from '../lib/ingest';
import { randomBelow } from './helpers/random';

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

describe('simple front matter (read without the YAML parser)', () => {
  const yaml = (source: string): unknown => {
    try {
      return parseYaml(source, { schema: 'core', logLevel: 'silent' });
    } catch {
      return 'a YAML error';
    }
  };

  it('reads the usual key: value lines as the YAML parser does', () => {
    const usual = [
      'title: A title\noutlet: AFP\npublished: 2018-07-06\nurl: https://example.org/a',
      'outlet: "Press TV"\npublished: 2018-07-06',
      "title: Syria's army retakes Daraa\nlanguage: en\nurl: https://x.org/a?b=1#frag",
      "outlet: 'Al-Masdar News'\npublished: \"2018-07-06\"\ntitle: Café   talks, [day 2]",
    ];
    for (const source of usual) {
      expect(simpleFrontMatter(source), source).not.toBeNull();
      expect(simpleFrontMatter(source), source).toEqual(yaml(source));
    }
  });

  it('leaves to the YAML parser what it reads as anything but strings, and what it refuses', () => {
    const others = ['k: 12', 'k: 1e5', 'k: True', 'k: null', 'k: ~', 'k: [a, b]', 'k: {a}', 'k: a #comment', 'k: x: y', 'k:', 'k: "a\\"b"', 'k: a\n  b', '# note\nk: a', 'k: a\nk: b', 'k: !tag x', 'k: a\r', 'k:\ta'];
    for (const source of others) expect(simpleFrontMatter(source), source).toBeNull();
  });

  it('gives what the YAML parser gives wherever it reads a random front matter', () => {
    const below = randomBelow(20261122);
    const keys = ['title', 'outlet', 'published', 'url', 'a-b', 'k_1', '__proto__', 'Title', '1k', '-k'];
    const seps = [': ', ':', ':  ', ' : ', ':\t'];
    const pieces = ['Press', 'TV', ' ', '  ', ':', ': ', '#', ' #', '"', "'", '\\', '2018-07-06', '2018-7-6', '12', '0x1F', '0o7', '1e5', '.5', '-1', '+2', 'null', 'Null', 'True', 'FALSE', '~', '-', '- ', '? ', '[', ']', '{', '}', ',', 'café', 'Éa', '!', '&', '*', '|', '>', '%', '@', '`', '.inf', '.NaN', 'https://x.org/a?b=1#c', 'ſ', '\u2028', '\u0085', '\ufeff', '😀', '\r', 'yes', 'on'];
    const words = ['Press', 'TV', 'Syria', 'café', ' ', 'a', '2018-07-06'];
    let read = 0;
    for (let n = 0; n < 40000; n++) {
      const lines: string[] = [];
      const count = 1 + below(3);
      for (let l = 0; l < count; l++) {
        const kind = below(20);
        if (kind === 0) lines.push('');
        else if (kind === 1) lines.push(`# ${pieces[below(pieces.length)]}`);
        else if (kind === 2) lines.push(`  ${pieces[below(pieces.length)]}`);
        else {
          let value = '';
          const parts = below(4);
          // Words and spaces half the time, so that many values are plain strings.
          for (let p = 0; p < parts; p++) value += below(2) ? words[below(words.length)] : pieces[below(pieces.length)];
          if (below(3) === 0) value = `${below(2) ? '"' : "'"}${value}${below(2) ? '"' : "'"}`;
          lines.push(`${keys[below(keys.length)]}${seps[below(seps.length)]}${value}${below(4) === 0 ? ' ' : ''}`);
        }
      }
      const source = lines.join('\n');
      const simple = simpleFrontMatter(source);
      if (simple === null) continue;
      read++;
      expect(simple, JSON.stringify(source)).toEqual(yaml(source));
    }
    // Enough cases reach the simple reading for the comparison to mean something.
    expect(read).toBeGreaterThan(1000);
  });
});
