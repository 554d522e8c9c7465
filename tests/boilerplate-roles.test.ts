import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  ADDRESS_IN,
  CAPTION_AGENCY_END,
  CAPTION_LABEL_END,
  CAPTION_LABEL_START,
  CAPTION_PAREN,
  classifyFixed,
  classifyParagraphs,
  DATE_ONLY,
  DOTTED_NAME,
  hasDigit,
  isCaption,
  mayBeShareWord,
  mayHoldAddress,
  needsFlattening,
  POSTED,
  quickWordCount,
  quickWordCountIn,
  SHARE_WORDS,
  wordCountIn,
} from '../lib/boilerplate/roles';
import { tokenTable, Vocabulary } from '../lib/token-table';
import { random, randomBelow } from './helpers/random';
import { splitParagraphs } from '../lib/segment';
import { SEED_IDS, seedText } from './helpers/seeds';

const CORPUS = fileURLToPath(new URL('../corpus/', import.meta.url));

interface Classified {
  index: number;
  text: string;
  role: string;
  code: string | null;
}

function classifySeed(prefix: string): Classified[] {
  const file = readdirSync(CORPUS).find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
  if (!file) throw new Error(`no seed ${prefix}`);
  const text = readFileSync(CORPUS + file, 'utf8');
  const spans = splitParagraphs(text);
  return classifyParagraphs(text, spans).map((r, index) => ({
    index,
    text: text.slice(spans[index]?.start, spans[index]?.end),
    role: r.role,
    code: r.reason?.code ?? null,
  }));
}

const seeds = Object.fromEntries(['000', '001', '002', '003', '004'].map((id) => [id, classifySeed(id)]));
const seed = (id: string): Classified[] => seeds[id] ?? [];
const find = (id: string, start: string): Classified => {
  const hit = seed(id).find((p) => p.text.startsWith(start));
  if (!hit) throw new Error(`no paragraph "${start}" in ${id}`);
  return hit;
};

// Every paragraph of the seeds that is not plain body text, with its expected role and code.
const NOT_BODY: Record<string, [string, string, string][]> = {
  '000': [
    ['News', 'chrome', 'breadcrumb'],
    ['Takfiri militants agree', 'title', 'headline'],
    ['Takfiri militants drag', 'caption', 'photo-caption'],
    ['A Takfiri militant walks', 'caption', 'photo-caption'],
    ['Syrian army forces pound', 'body', 'headline'],
    ['A member of the Syrian pro-government', 'caption', 'photo-caption'],
    ['Press TV’s website', 'chrome', 'mirror-addresses'],
    ['www.presstv.co.uk', 'chrome', 'bare-url'],
    ['SHARE THIS ARTICLE', 'chrome', 'share-buttons'],
  ],
  '001': [
    ['News', 'chrome', 'breadcrumb'],
    ['Syria resumes pounding', 'title', 'headline'],
    ['Syrian government soldiers stand', 'caption', 'photo-caption'],
    ['Press TV’s website', 'chrome', 'mirror-addresses'],
    ['www.presstv.co.uk', 'chrome', 'bare-url'],
    ['SHARE THIS ARTICLE', 'chrome', 'share-buttons'],
  ],
  '002': [['Source: Press TV', 'chrome', 'source-credit']],
  '003': [
    ['Related news', 'chrome', 'related-news'],
    ['[an error occurred', 'chrome', 'template-error'],
  ],
  '004': [
    ['As talks collapse', 'title', 'headline'],
    ['Posted July 10, 2018', 'chrome', 'posted-date'],
  ],
};

describe('classifyParagraphs on the sample articles', () => {
  it('flags the "News / Syria" breadcrumb, spaced with non-breaking spaces, as chrome', () => {
    for (const id of ['000', '001']) {
      expect(seed(id)[0]).toMatchObject({ role: 'chrome', code: 'breadcrumb' });
      expect(seed(id)[0]?.text).toContain('\u00a0');
    }
  });

  it('takes the first short paragraph without a full stop as the title', () => {
    expect(seed('000')[1]).toMatchObject({ role: 'title', code: 'headline' });
    expect(seed('001')[1]).toMatchObject({ role: 'title', code: 'headline' });
    expect(seed('003')[0]).toMatchObject({ role: 'title', code: 'headline' });
    expect(seed('004')[0]).toMatchObject({ role: 'title', code: 'headline' });
  });

  it('finds no title in seed 002, whose first line is a body sentence', () => {
    expect(seed('002').filter((p) => p.role === 'title')).toEqual([]);
    expect(seed('002')[0]).toMatchObject({ role: 'body', code: null });
  });

  it('keeps the first of the three headlines of seed 003 as title and flags the repeats', () => {
    expect(seed('003').slice(0, 3).map((p) => [p.role, p.code])).toEqual([
      ['title', 'headline'],
      ['chrome', 'repeated-headline'],
      ['chrome', 'repeated-headline'],
    ]);
  });

  it('flags the Press TV end matter: mirror notice, bare host name and share block', () => {
    for (const id of ['000', '001']) {
      expect(find(id, 'Press TV’s website can also be accessed')).toMatchObject({ role: 'chrome', code: 'mirror-addresses' });
      expect(find(id, 'www.presstv.co.uk')).toMatchObject({ role: 'chrome', code: 'bare-url' });
      expect(find(id, 'SHARE THIS ARTICLE')).toMatchObject({ role: 'chrome', code: 'share-buttons' });
    }
  });

  it('flags "Related news" and the server-side include error', () => {
    expect(find('003', 'Related news')).toMatchObject({ role: 'chrome', code: 'related-news' });
    expect(find('003', '[an error occurred')).toMatchObject({ role: 'chrome', code: 'template-error' });
  });

  it('flags the "Source: Press TV" credit and the "Posted" date line', () => {
    expect(find('002', 'Source: Press TV')).toMatchObject({ role: 'chrome', code: 'source-credit' });
    expect(find('004', 'Posted July 10, 2018')).toMatchObject({ role: 'chrome', code: 'posted-date' });
  });

  it('flags the AFP and Reuters photo captions as captions', () => {
    const captions = [...seed('000'), ...seed('001')].filter((p) => p.role === 'caption');
    expect(captions.map((p) => p.text.slice(-24))).toEqual([
      'July 3, 2018. (Photo by AFP)',
      'July 3, 2018. (Photo by AFP)',
      'May 22, 2018. (Photo by AFP)',
      'ia. (File photo by Reuters)',
    ].map((t) => t.slice(-24)));
    expect(captions.every((p) => p.code === 'photo-caption')).toBe(true);
  });

  it('keeps the Latakia subheading of seed 000 as body, with reason headline', () => {
    expect(find('000', 'Syrian army forces pound')).toMatchObject({ role: 'body', code: 'headline' });
  });

  const ordinary = Object.entries(seeds).flatMap(([id, paragraphs]) =>
    paragraphs
      .filter((p) => !(NOT_BODY[id] ?? []).some(([start]) => p.text.startsWith(start)))
      .filter((p) => !(id === '003' && p.index < 3))
      .map((p) => ({ name: `${id}:${p.index} "${p.text.slice(0, 50)}"`, p })),
  );

  it('has ordinary paragraphs to check in every seed', () => {
    expect(ordinary.length).toBeGreaterThan(70);
  });

  it.each(ordinary)('leaves ordinary paragraph $name as body without a reason', ({ p }) => {
    expect([p.role, p.code]).toEqual(['body', null]);
  });

  it.each(Object.entries(NOT_BODY).flatMap(([id, rows]) => rows.map(([start, role, code]) => ({ id, start, role, code }))))(
    'gives $id "$start" role $role with code $code',
    ({ id, start, role, code }) => {
      expect(find(id, start)).toMatchObject({ role, code });
    },
  );
});

describe('classifyParagraphs with options', () => {
  it('uses a metadata title to recognise the headline and its copies', () => {
    const text = 'Talks resume in Astana.\n\nThe talks resumed on Monday after a pause.\n\nTalks resume in Astana.';
    const roles = classifyParagraphs(text, splitParagraphs(text), { title: 'Talks resume in Astana' });
    expect(roles.map((r) => r.role)).toEqual(['title', 'body', 'chrome']);
    expect(roles[2]?.reason?.code).toBe('repeated-headline');
  });

  it('does not call a short last line a section heading', () => {
    const text = 'Army enters Nassib\n\nThe army entered the crossing on Friday.\n\nMore to follow';
    const roles = classifyParagraphs(text, splitParagraphs(text));
    expect(roles[2]).toEqual({ role: 'body', reason: null });
  });
});

describe('classifyFixed on general furniture from any outlet', () => {
  it.each([
    ['Syrian soldiers at the Nassib crossing on July 7. Photo: Reuters', 'photo-caption'],
    ['Displaced Syrians wait near the border (AP Photo/Hassan Ammar)', 'photo-caption'],
    ['Image copyright Getty Images', 'photo-caption'],
    ['Image caption Thousands fled towards the Jordanian border', 'photo-caption'],
    ['A girl stands in a camp near Quneitra. AFP via Getty Images', 'photo-caption'],
    ['Smoke rises over Dara’a al-Balad (Reuters Photo)', 'photo-caption'],
    ['Photo: Syrian troops enter the town of Saida', 'photo-caption'],
    ['Syrian army units near Dara’a. © SANA', 'photo-caption'],
  ])('flags the caption "%s"', (text, code) => {
    expect(classifyFixed(text)).toMatchObject({ role: 'caption', reason: { code } });
  });

  it.each([
    ['Source: Reuters', 'source-credit'],
    ['(Reporting by Suleiman Al-Khalidi; Editing by Alison Williams)', 'source-credit'],
    ['Additional reporting by Tom Perry in Beirut', 'source-credit'],
    ['— AFP', 'source-credit'],
    ['Updated: 10 July 2018 14:32 GMT', 'posted-date'],
    ['Published on 2018-07-10 by admin', 'posted-date'],
    ['Friday, July 6, 2018', 'posted-date'],
    ['Share on Facebook', 'share-buttons'],
    ['Facebook Twitter WhatsApp Email', 'share-buttons'],
    ['Share this story:\nFacebook\nTwitter', 'share-buttons'],
    ['READ MORE: Syrian army retakes Nassib crossing', 'related-news'],
    ['You may also like', 'related-news'],
    ['Home > World > Middle East', 'breadcrumb'],
    ['https://example.com/news/2018/07/10/syria', 'bare-url'],
    ['presstv.ir, presstv.co.uk', 'bare-url'],
    ['Our site is also available at these mirror domains:', 'mirror-addresses'],
    ['{{ article.body }}', 'template-error'],
    ['By Jane Smith, Reuters', 'other'],
  ])('flags the chrome "%s" as %s', (text, code) => {
    expect(classifyFixed(text)).toMatchObject({ role: 'chrome', reason: { code } });
  });

  it.each([
    'Sources said the talks would resume on Friday.',
    'By Friday, the army had retaken the crossing.',
    'Photographs posted online showed damaged buildings in the town.',
    'Syria / Russia talks resume in Astana after a pause.',
    'The website can also be accessed from Iran, officials said.',
    'Share prices fell sharply in Damascus on Monday.',
    'Related news emerged later that day, the agency said.',
    'Reporting by state media could not be verified.',
    'The photo, taken by a local resident, shows the crossing.',
    'Israel has used the Golan Heights to treat wounded militants (file).',
    'The U.S. and Jordan brokered the 2017 ceasefire.',
  ])('leaves the sentence "%s" alone', (text) => {
    expect(classifyFixed(text)).toBeNull();
  });
});

describe('role helpers read by char code', () => {
  /** Deterministic strings of letters, digits, apostrophes, spaces of every kind and punctuation. */
  const strings = (count: number, seed: number): string[] => {
    const alphabet = ['a', 'Z', '9', "'", '’', ' ', ' ', '  ', '\n', '\t', '\r', '\u00a0', '\u2009', '\u3000', '\ufeff', '\u0085', '.', ',', '-', 'é', 'ß', '×', '—', '“', '中'];
    const next = randomBelow(seed);
    return Array.from({ length: count }, () => Array.from({ length: next(16) }, () => alphabet[next(alphabet.length)]).join(''));
  };
  const texts = [...strings(20_000, 5), ...SEED_IDS.flatMap((id) => seedText(id).split(/\n+/))];

  it('quickWordCount counts as the plain definition does: runs of letters and digits, apostrophes inside words', () => {
    const reference = (s: string) => {
      let n = 0;
      let inWord = false;
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        const word: boolean =
          (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ||
          (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && !(c >= 0x2000 && c <= 0x2bff) && !(c >= 0x3000 && c <= 0x303f)) ||
          ((c === 39 || c === 0x2019) && inWord);
        if (word && !inWord) n++;
        inWord = word;
      }
      return n;
    };
    for (const s of texts) expect(quickWordCount(s), JSON.stringify(s)).toBe(reference(s));
  });

  it('needsFlattening is false only where flattening white space would change nothing', () => {
    let unchanged = 0;
    for (const s of texts) {
      if (needsFlattening(s)) continue;
      unchanged++;
      expect(s.replace(/\s+/gu, ' ').trim(), JSON.stringify(s)).toBe(s);
    }
    // The skip must actually happen for ordinary lines.
    expect(unchanged).toBeGreaterThan(100);
  });

  it('wordCountIn reads from the token table exactly what quickWordCountIn counts', () => {
    const vocabulary = new Vocabulary();
    const same = (text: string, from: number, to: number) => {
      const table = tokenTable(text, vocabulary);
      expect(wordCountIn(text, from, to, table), `${JSON.stringify(text)} ${from}-${to}`).toBe(quickWordCountIn(text, from, to));
    };
    // Every code unit, alone and between letters, doubled and at either edge.
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      const text = `a${ch}b ${ch}${ch}c ${ch}`;
      same(text, 0, text.length);
      same(text, 1, 5);
    }
    // Random texts of the characters where the two readings could part, cut at random.
    const alphabet = ['a', 'Z', '9', "'", "'", '’', '’', '‘', '`', '´', 'ʼ', ' ', ' ', '\n', '\u00a0', 'é', 'ß', '×', 'ª', 'Ā', 'ſ', '\u0301', '—', '“', '中', 'ℂ', '😀', '.', ','];
    const next = random(41);
    const pick = (below: number) => Math.floor(next() * below);
    for (let t = 0; t < 5_000; t++) {
      const text = Array.from({ length: pick(40) }, () => alphabet[pick(alphabet.length)]).join('');
      for (let k = 0; k < 4; k++) {
        const from = pick(text.length + 1);
        same(text, from, from + pick(text.length + 1 - from));
      }
    }
  });

  it('classifyParagraphs gives the same roles with the token table as without, on the seeds', () => {
    for (const id of SEED_IDS) {
      const text = seedText(id);
      const spans = splitParagraphs(text);
      expect(classifyParagraphs(text, spans, { tokens: tokenTable(text) }), id).toEqual(classifyParagraphs(text, spans));
    }
  });

  /** Random texts of `pieces`, `count` of them, up to `most` pieces each. */
  const pieceTexts = (pieces: readonly string[], count: number, most: number, seed: number): string[] => {
    const next = random(seed);
    return Array.from({ length: count }, () => Array.from({ length: Math.floor(next() * (most + 1)) }, () => pieces[Math.floor(next() * pieces.length)]).join(''));
  };

  it('isCaption, with its end tests, answers as the plain pattern tests do', () => {
    const plain = (flat: string) => {
      const paren = flat.lastIndexOf('(');
      if (paren >= 0 && CAPTION_PAREN.test(flat.slice(paren))) return true;
      const colon = flat.lastIndexOf(':');
      if (colon >= 0 && flat.length - colon <= 64 && CAPTION_LABEL_END.test(flat)) return true;
      return CAPTION_LABEL_START.test(flat) || CAPTION_AGENCY_END.test(flat.slice(-120));
    };
    const pieces = [
      'Getty Images', 'GETTY IMAGES', 'Shutterstock', 'alamy', 'iStock', 'iStockphoto', 'Getty image\u017f', '\u017fhutterstock', 'iStoc\u212a', 'iStockphot\u212a', '© ', '©',
      '(Photo by AFP)', '(AP Photo/Hussein Malla)', '(', ')', ')', 'Photo: Reuters', 'Photo:', 'Image caption ', ':', '.', '.', ' ', ' ', '\u00a0', '\n',
      'Soldiers in Daraa', 'the talks resumed', 'x'.repeat(50), 'mages', 'stock', 'é',
    ];
    let captions = 0;
    for (const s of pieceTexts(pieces, 30_000, 8, 53)) {
      const expected = plain(s);
      if (expected) captions++;
      expect(isCaption(s), JSON.stringify(s)).toBe(expected);
    }
    expect(captions).toBeGreaterThan(1000);
    for (const id of SEED_IDS) for (const line of seedText(id).split(/\n+/)) expect(isCaption(line), line).toBe(plain(line));
  });

  it('the cheap pre-tests of fixedRole hold wherever their patterns match', () => {
    /** Over random texts built from `pieces`: `pre` holds on every one that `matches`; returns how many matched. */
    const holdsWherever = (pieces: string[], most: number, seed: number, matches: (s: string) => boolean, pre: (s: string) => boolean) => {
      let matched = 0;
      for (const s of pieceTexts(pieces, 30_000, most, seed)) {
        if (!matches(s)) continue;
        matched++;
        expect(pre(s), JSON.stringify(s)).toBe(true);
      }
      return matched;
    };
    const addressy = ['www.', 'http://', 'https://', 'a.b', 'x', 'Z', '.', '. ', '.\n', '.\u00a0', ':', '//', 'com', ' ', '-', 'example.org', '\u212a', '\u017f'];
    expect(holdsWherever(addressy, 8, 59, (s) => ADDRESS_IN.test(s) || DOTTED_NAME.test(s), mayHoldAddress)).toBeGreaterThan(1000);
    const dates = ['Posted ', 'Updated: ', 'July ', '10, ', '2018', '14:32 ', 'GMT', 'Monday, ', '2018-07-10', '10/07/18', '0/0/00', '00-00-0000', '0:00', ' ', 'at ', 'pm'];
    expect(holdsWherever(dates, 6, 61, (s) => POSTED.test(s) || DATE_ONLY.test(s), hasDigit)).toBeGreaterThan(100);
    const share = ['Facebook', 'twitter', 'WhatsApp', 'e', 'mail', 'Email', 'print', 'X', 'İ', 'é', 'Syria', '1', 'lin\u212aedin', 'v\u212a', '\u212a', '\u017f', ' ', ' ', '\n', ' | ', '•', '-', ','];
    const allShareWords = (s: string) => {
      const folded = s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      return folded.length >= 2 && folded.every((w) => SHARE_WORDS.has(w));
    };
    expect(holdsWherever(share, 5, 67, allShareWords, mayBeShareWord)).toBeGreaterThan(100);
  });
});
