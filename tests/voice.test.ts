import { describe, expect, it } from 'vitest';
import { splitParagraphs, splitSentences } from '../lib/segment';
import type { Sentence } from '../lib/types';
import { tokenize } from '../lib/normalize';
import { ACCORDING, findDirectQuotes, findQuoteRegions, findReportedSpeech, nextQuoteMark, reportKind, SPEECH_VERB, voiceOf } from '../lib/voice';
import { SEED_IDS, seedText, type SeedId } from './helpers/seeds';
import { randomBelow } from './helpers/random';

/** Sentences the way the analyze stage builds them. */
function sentencesOf(text: string): Sentence[] {
  const out: Sentence[] = [];
  splitParagraphs(text).forEach((p, paragraph) => {
    for (const s of splitSentences(text, p)) out.push({ index: out.length, paragraph, start: s.start, end: s.end });
  });
  return out;
}

/**
 * The voice of the `nth` occurrence of `word` inside the first sentence containing `context`,
 * as "narrator", "direct" or "reported".
 */
function voiceIn(text: string, context: string, word: string, nth = 0): string {
  const at = text.indexOf(context);
  if (at < 0) throw new Error(`context not found: ${context}`);
  const sentences = sentencesOf(text);
  const sentence = sentences.find((s) => s.start <= at && at < s.end);
  if (!sentence) throw new Error(`no sentence at ${context}`);
  let start = sentence.start - 1;
  for (let i = 0; i <= nth; i++) {
    start = text.indexOf(word, start + 1);
    if (start < 0 || start >= sentence.end) throw new Error(`"${word}" #${nth} not in the sentence of ${context}`);
  }
  const { voice, quote } = voiceOf(findQuoteRegions(text, sentences), { start, end: start + word.length });
  return voice === 'narrator' ? 'narrator' : (quote ?? 'quoted');
}

const seed = (id: SeedId) => seedText(id);

describe('voice in the seed articles', () => {
  const s000 = seed('000_aa3b1d39a0c4470b');
  const s001 = seed('001_d6d9fc5bcd022e88');
  const s002 = seed('002_5e2392d7e9ddb078');
  const s004 = seed('004_1a7acaa75544b218');

  it('keeps the subject of "X say they …" in the narrator\'s voice and reports only the complement', () => {
    const context = 'Foreign-sponsored Takfiri militants say they have agreed';
    expect(voiceIn(s000, context, 'Takfiri militants')).toBe('narrator');
    expect(voiceIn(s000, context, 'Foreign-sponsored')).toBe('narrator');
    expect(voiceIn(s000, 'they have agreed to surrender their munitions and renounced violence as they are close to reaching a deal', 'deal')).toBe('reported');
  });

  it('leaves a trailing ", which …" gloss after reported speech to the narrator', () => {
    expect(voiceIn(s000, 'which includes a ceasefire and the handover', 'ceasefire')).toBe('narrator');
    expect(voiceIn(s000, 'known as the birth place of Syria’s foreign-backed militancy', 'foreign-backed')).toBe('narrator');
    expect(voiceIn(s000, 'said a ceasefire would take hold', 'ceasefire')).toBe('reported');
    expect(voiceIn(s001, 'which is under the control of Turkish-backed', 'Takfiri')).toBe('narrator');
  });

  it('marks "regime" inside a quoted remark followed by "he said" as direct', () => {
    expect(voiceIn(s004, '"The Russians and the Syrian regime offer no safety", he said.', 'regime')).toBe('direct');
  });

  it('marks the opening of a curly quote closed before "Abazeed noted" as direct', () => {
    const context = '“Militants will hand over their heavy-duty weapons';
    expect(voiceIn(s000, context, 'Militants')).toBe('direct');
    expect(voiceIn(s000, 'in exchange for the government withdrawing', 'government')).toBe('direct');
    // Outside the marks but before ", Abazeed noted": still his account.
    expect(voiceIn(s000, '” it had recently recaptured, Abazeed noted', 'recaptured')).toBe('reported');
  });

  it('keeps the speaker\'s description after an inverted "said" in the narrator\'s voice', () => {
    expect(voiceIn(s002, 'said Hussein Abazeed, a spokesman for militants, on Thursday', 'militants')).toBe('narrator');
    expect(voiceIn(s002, 'will be in the Nassib border crossing', 'Nassib')).toBe('direct');
  });

  it('reports what the government "says" about others', () => {
    const context = 'The Syrian government says the Israeli regime';
    expect(voiceIn(s000, context, 'Syrian government')).toBe('narrator');
    expect(voiceIn(s000, context, 'Israeli regime')).toBe('reported');
    expect(voiceIn(s000, 'aiding Takfiri terrorist groups that are wreaking havoc in the country', 'wreaking havoc')).toBe('reported');
  });

  it('treats "according to X" as reported speech but X itself as the narrator\'s', () => {
    expect(voiceIn(s001, 'According to local negotiators, several thousand former militants', 'militants')).toBe('reported');
    expect(voiceIn(s001, 'from where terrorists fired shells, according to SANA', 'terrorists')).toBe('reported');
  });

  it('reports the rest of a sentence around "X told Reuters, accusing …"', () => {
    expect(voiceIn(s001, 'told Reuters, accusing the militants of reneging', 'militants')).toBe('reported');
  });

  it('does not take "much-reported" for a speech verb', () => {
    expect(voiceIn(s000, 'the much-reported collaboration between Israel and militants', 'militants')).toBe('narrator');
  });

  it('leaves a sentence without attribution to the narrator', () => {
    expect(voiceIn(s002, 'as the national army pushes ahead with a liberation operation', 'liberation operation')).toBe('narrator');
  });
});

describe('findQuoteRegions on small fixtures', () => {
  it('finds straight and curly double quotes', () => {
    const text = 'One said "rebels left" and another “militants stayed”.';
    const direct = findQuoteRegions(text, sentencesOf(text)).filter((r) => r.kind === 'direct');
    expect(direct.map((r) => text.slice(r.start, r.end))).toEqual(['"rebels left"', '“militants stayed”']);
  });

  it('runs an unclosed quote to the end of its paragraph and no further', () => {
    const text = '“Rebels will stay, and the regime will fall.\n\nRebels regrouped overnight.';
    expect(voiceIn(text, 'Rebels will stay', 'regime')).toBe('direct');
    expect(voiceIn(text, 'Rebels regrouped', 'Rebels')).toBe('narrator');
  });

  it('does not take apostrophes for quotation marks', () => {
    const text = 'The rebels’ positions in Dara’a held, the army’s did not.';
    expect(findQuoteRegions(text, sentencesOf(text)).filter((r) => r.kind === 'direct')).toEqual([]);
  });

  it('finds curly single quotes at word edges', () => {
    const text = 'He called them ‘terrorists’ on television.';
    expect(voiceIn(text, 'called them', 'terrorists')).toBe('direct');
  });

  it('reports what follows "X told Reuters that", not the listener', () => {
    const text = 'An official told Reuters that the rebels had left.';
    const [region] = findQuoteRegions(text, sentencesOf(text));
    expect(region && text.slice(region.start, region.end)).toBe('the rebels had left');
  });

  it('reports a sentence closed by ", X said." and not the attribution', () => {
    const text = 'The militants withdrew overnight, a commander said.';
    const regions = findQuoteRegions(text, sentencesOf(text));
    expect(regions.map((r) => [text.slice(r.start, r.end), r.kind])).toEqual([['The militants withdrew overnight', 'reported']]);
  });

  it('reports both sides of a mid-sentence attribution', () => {
    const text = 'The offensive displaced thousands, the United Nations says, including many children.';
    const regions = findQuoteRegions(text, sentencesOf(text)).map((r) => text.slice(r.start, r.end));
    expect(regions).toEqual(['The offensive displaced thousands', 'including many children']);
  });

  it('reports the whole claim before a closing "according to X", even across its own commas', () => {
    const text = 'Rebels, who fled, left the town according to the Syrian Observatory.';
    expect(voiceIn(text, 'Rebels, who fled', 'Rebels')).toBe('reported');
    expect(voiceIn(text, 'left the town', 'town')).toBe('reported');
    expect(voiceIn(text, 'according to the Syrian Observatory', 'Observatory')).toBe('narrator');
  });

  it('treats "sources said" as reported speech', () => {
    expect(voiceIn('Talks failed as sources said the rebels refused.', 'sources said', 'rebels')).toBe('reported');
  });

  it('does not treat hopes or fears as speech', () => {
    const text = 'Rebels hope the Russians will guarantee safety from state retribution.';
    expect(findQuoteRegions(text, sentencesOf(text))).toEqual([]);
  });

  it('keeps attribution inside one sentence', () => {
    const text = 'Officials said the talks were over. The regime then attacked.';
    expect(voiceIn(text, 'The regime then attacked', 'regime')).toBe('narrator');
  });

  it('prefers a direct quote over the reported speech around it', () => {
    const text = 'He said the "terrorists" had fled.';
    const regions = findQuoteRegions(text, sentencesOf(text));
    expect(regions.map((r) => r.kind).sort()).toEqual(['direct', 'reported']);
    expect(voiceIn(text, 'He said', 'terrorists')).toBe('direct');
  });
});

/** The per-character quotation scan `findDirectQuotes` used before it jumped from mark to mark (reference). */
function directQuotesByCharacter(text: string, sentences: readonly Sentence[]): Array<[number, number]> {
  const letter = /[\p{L}\p{N}]/u;
  const paragraphs: Array<{ start: number; end: number }> = [];
  let prev: Sentence | undefined;
  for (const s of sentences) {
    const last = paragraphs.at(-1);
    if (prev !== undefined && last !== undefined && s.paragraph === prev.paragraph) last.end = s.end;
    else paragraphs.push({ start: s.start, end: s.end });
    prev = s;
  }
  const out: Array<[number, number]> = [];
  for (const p of paragraphs) {
    let open: { at: number; single: boolean } | null = null;
    for (let i = p.start; i < p.end; i++) {
      const c = text.charCodeAt(i);
      if (open) {
        const closesDouble = !open.single && (c === 0x201d || c === 0x22);
        const closesSingle = open.single && c === 0x2019 && !letter.test(text[i + 1] ?? '');
        if (closesDouble || closesSingle) {
          out.push([open.at, i + 1]);
          open = null;
        }
      } else if (c === 0x201c || c === 0x22) open = { at: i, single: false };
      else if (c === 0x2018 && !letter.test(text[i - 1] ?? '') && letter.test(text[i + 1] ?? '')) open = { at: i, single: true };
    }
    if (open && !open.single) out.push([open.at, p.end]);
  }
  return out;
}

describe('findDirectQuotes jumping from mark to mark', () => {
  const spans = (text: string) => findDirectQuotes(text, sentencesOf(text)).map((r): [number, number] => [r.start, r.end]);

  it('finds the same quotes as the per-character scan in every seed', () => {
    for (const id of SEED_IDS) {
      const text = seedText(id);
      expect(spans(text)).toEqual(directQuotesByCharacter(text, sentencesOf(text)));
    }
  });

  it('finds the same quotes as the per-character scan in random texts', () => {
    const alphabet = ['a', 'b', ' ', '.', '\n', '\n\n', '"', '“', '”', '‘', '’', "'", 'é', '7'];
    const random = randomBelow(12345);
    let quoted = 0;
    for (let trial = 0; trial < 2000; trial++) {
      let text = '';
      const length = 1 + random(60);
      for (let k = 0; k < length; k++) text += alphabet[random(alphabet.length)];
      const expected = directQuotesByCharacter(text, sentencesOf(text));
      quoted += expected.length;
      expect(spans(text)).toEqual(expected);
    }
    expect(quoted).toBeGreaterThan(500);
  });

  it('nextQuoteMark finds the first mark at or after a position, forwards or backwards', () => {
    const text = 'ab “c” d ‘e’ "f';
    const cursor = { from: 0, at: -1 };
    const first = (from: number) => {
      for (let i = from; i < text.length; i++) if ('“”‘’"'.includes(text[i]!)) return i;
      return text.length;
    };
    for (const from of [0, 3, 4, 5, 6, 12, 13, 14, 15, 2, 0, 9, 16]) expect(nextQuoteMark(text, from, cursor)).toBe(first(from));
  });
});

describe('reportKind', () => {
  it('is not 0 for a word of every sentence of the seeds that has reported speech', () => {
    let reported = 0;
    for (const id of SEED_IDS) {
      const text = seedText(id);
      const sentences = sentencesOf(text);
      const direct = findDirectQuotes(text, sentences);
      for (const s of sentences) {
        const tokens = tokenize(text, s.start, s.end);
        const found = findReportedSpeech(text, s, tokens, direct);
        reported += found.length;
        if (!tokens.some((t) => reportKind(t.norm) !== 0)) expect(found).toEqual([]);
        // Told the kinds of its words, the search finds the same.
        expect(findReportedSpeech(text, s, tokens, direct, tokens.map((t) => reportKind(t.norm)))).toEqual(found);
      }
    }
    expect(reported).toBeGreaterThan(20);
    expect(['said', 'according', 'told'].map(reportKind)).toEqual([SPEECH_VERB, ACCORDING, SPEECH_VERB]);
    expect(['to', 'reports', 'the'].map(reportKind)).toEqual([0, 0, 0]);
  });
});
