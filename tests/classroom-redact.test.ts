import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  REDACTED,
  findSelfReferences,
  hostStem,
  nameMatcher,
  outletAliases,
  redactString,
  redactedSlice,
  type OutletIdentity,
} from '../lib/classroom/redact';
import { loadSeeds } from './helpers/seed-analysis';
import { CORPUS_DIR, SEED_IDS } from './helpers/seeds';

/** Every seed's outlet and address, as the corpus metadata records them. */
const IDENTITIES: OutletIdentity[] = SEED_IDS.map((id) => {
  const meta = JSON.parse(readFileSync(path.join(CORPUS_DIR, `${id}.meta.json`), 'utf8')) as { outlet: string; url: string };
  return { outlet: meta.outlet, url: meta.url };
});
const OUTLET_WORDS = /press\s*tv|presstv|young journalists club|yjc|deminorias|pembroke/i;

/** The text as a blind view shows it: every redaction replaced by the marker. */
function blindText(text: string, paragraphs: Parameters<typeof findSelfReferences>[0]['paragraphs']) {
  return redactedSlice(text, 0, text.length, findSelfReferences({ text, paragraphs }, nameMatcher(IDENTITIES)));
}

describe('outlet aliases', () => {
  it('splits a bracketed acronym off the name and keeps both', () => {
    expect(outletAliases({ outlet: 'Young Journalists Club (YJC)', url: 'https://yjc.ir/en/news/25532/' })).toEqual(
      expect.arrayContaining(['Young Journalists Club (YJC)', 'Young Journalists Club', 'YJC', 'yjc.ir']),
    );
  });

  it('takes the registered label of a host, past a country second level', () => {
    expect(hostStem('www.presstv.co.uk')).toBe('presstv');
    expect(hostStem('presstv.ir')).toBe('presstv');
    expect(hostStem('599046384.r.worldcdn.net')).toBe('worldcdn');
    expect(hostStem('localhost')).toBeNull();
  });

  it('drops the ending of a domain-like outlet name', () => {
    expect(outletAliases({ outlet: 'deminorias.com', url: null })).toEqual(['deminorias.com', 'deminorias']);
  });

  it('matches a two-word name written together, hyphenated or in another case', () => {
    const m = nameMatcher([{ outlet: 'Press TV', url: null }]);
    for (const s of ['Press TV', 'PressTV', 'press-tv', 'PRESS TV’s']) expect(redactString(`told ${s} on Friday`, m)).toMatch(/^told \[source redacted\]/);
    // Not inside a longer word.
    expect(redactString('Pressure TVs', m)).toBe('Pressure TVs');
  });
});

describe('self-references in the sample articles', () => {
  it("redacts Press TV's mirror list, its address and its share block whole, and nothing of the story", () => {
    const [press] = loadSeeds(['000']);
    const text = blindText(press!.text, press!.paragraphs);
    expect(text).not.toMatch(OUTLET_WORDS);
    expect(text).not.toMatch(/alternate addresses|SHARE THIS ARTICLE/);
    expect(text).toContain('Takfiri militants agree to renounce violence');
    expect(text.endsWith(REDACTED)).toBe(true);
  });

  it("redacts YJC's datelines and its credit line, keeping the sentences they open", () => {
    const [yjc] = loadSeeds(['002']);
    const text = blindText(yjc!.text, yjc!.paragraphs);
    expect(text).not.toMatch(OUTLET_WORDS);
    expect(text).not.toMatch(/TEHRAN/);
    expect(text.startsWith(`${REDACTED}Militants in southern Syria`)).toBe(true);
    expect(text).toContain(`${REDACTED}“The talks will resume`);
    expect(text.trimEnd().endsWith(REDACTED)).toBe(true);
  });

  it('leaves the aggregators’ story text alone and finds no outlet word in any seed', () => {
    for (const a of loadSeeds(['000', '001', '002', '003', '004'])) expect(blindText(a.text, a.paragraphs)).not.toMatch(OUTLET_WORDS);
    const [dem] = loadSeeds(['003']);
    expect(findSelfReferences(dem!, nameMatcher(IDENTITIES))).toEqual([]);
  });

  it('returns sorted, disjoint spans inside the text', () => {
    for (const a of loadSeeds(['000', '001', '002'])) {
      const spans = findSelfReferences(a, nameMatcher(IDENTITIES));
      for (let i = 0; i < spans.length; i++) {
        const s = spans[i]!;
        expect(0 <= s.start && s.start < s.end && s.end <= a.text.length).toBe(true);
        if (i > 0) expect(s.start).toBeGreaterThan(spans[i - 1]!.end);
      }
    }
  });
});

describe('redaction of running text', () => {
  const m = nameMatcher([{ outlet: 'Press TV', url: 'http://www.presstv.ir/Detail/1' }]);
  const para = (text: string) => [{ start: 0, end: text.length, role: 'body' as const, reason: null }];

  it('takes a whole host that holds a name, not only the name', () => {
    expect(redactString('Visit presstv.co.uk today.', m)).toBe(`Visit ${REDACTED} today.`);
  });

  it('redacts any written-out address but not the full stop after it', () => {
    expect(redactString('See https://example.org/a?b=1.', m)).toBe(`See ${REDACTED}.`);
  });

  it('redacts a wire dateline and a credit line, and leaves a capitalised sentence alone', () => {
    const text = 'BEIRUT (Reuters) - Talks resumed.\nSource: AFP\nNATO said nothing.';
    expect(redactedSlice(text, 0, text.length, findSelfReferences({ text, paragraphs: para(text) }, m))).toBe(
      `${REDACTED} Talks resumed.\n${REDACTED}\nNATO said nothing.`,
    );
  });

  it('keeps offsets: a slice of the middle redacts only what falls inside it', () => {
    const text = 'A Press TV reporter said so.';
    const spans = findSelfReferences({ text, paragraphs: para(text) }, m);
    expect(spans).toEqual([{ start: 2, end: 10, reason: 'name' }]);
    expect(redactedSlice(text, 5, text.length, spans)).toBe(`${REDACTED} reporter said so.`);
  });

  it('matches nothing when no outlet is known', () => {
    expect(nameMatcher([{ outlet: null, url: null }]).pattern).toBeNull();
    expect(redactString('Press TV', nameMatcher([]))).toBe('Press TV');
  });
});
