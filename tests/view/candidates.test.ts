import { describe, expect, it } from 'vitest';
import type { Candidate, ProposedReferent } from '../../lib/types';
import { addToLexiconHref, candidateWordings, candidatesWithin, editEntryHref, proposedForComparison, uncoveredCandidates } from '../../lib/view/candidates';
import { candidatesShown } from '../../lib/view/url-state';

const cand = (start: number, text: string, score = 0.5, reasons = [`why ${text}`]): Candidate => ({ start, end: start + text.length, text, score, reasons, proposedReferent: null });

describe('which candidates are shown', () => {
  it('leaves out a candidate any term overlaps, and keeps the others', () => {
    const list = [cand(0, 'militants'), cand(20, 'topple'), cand(40, 'chaos')];
    expect(uncoveredCandidates(list, [{ start: 3, end: 12 }, { start: 39, end: 41 }]).map((c) => c.text)).toEqual(['topple']);
    expect(uncoveredCandidates(undefined, [])).toEqual([]);
  });

  it('keeps only the candidates inside a sentence or paragraph', () => {
    expect(candidatesWithin([cand(0, 'a'), cand(10, 'bb'), cand(19, 'cc')], { start: 5, end: 20 }).map((c) => c.text)).toEqual(['bb']);
  });

  it('reads cand=0 as hidden and anything else as shown', () => {
    expect(candidatesShown({ cand: '0' })).toBe(false);
    expect(candidatesShown({ cand: ['0', '1'] })).toBe(false);
    expect(candidatesShown({})).toBe(true);
    expect(candidatesShown({ cand: 'no' })).toBe(true);
  });
});

describe('the article page’s list of candidate wordings', () => {
  it('groups occurrences case-insensitively, keeps the strongest reasons and sorts best first', () => {
    const list = candidateWordings([cand(50, 'Regime', 0.4), cand(10, 'topple', 0.7), cand(5, 'regime', 0.9, ['strong'])]);
    expect(list).toEqual([
      { text: 'Regime', count: 2, score: 0.9, reasons: ['strong'], first: 5 },
      { text: 'topple', count: 1, score: 0.7, reasons: ['why topple'], first: 10 },
    ]);
  });
});

describe('the outlets’ words for one actor', () => {
  const proposed: ProposedReferent = {
    id: 'proposed:militants',
    labels: ['militants', 'rebels', 'terrorist'],
    counts: { militants: { a: 8, c: 2 }, rebels: { b: 9 }, terrorist: { a: 4, b: 1 } },
    why: 'because',
  };

  it('shows each compared report’s words, most used first, and only the labels they use', () => {
    expect(proposedForComparison([proposed], ['b', 'a'])).toEqual([
      {
        id: 'proposed:militants',
        labels: ['militants', 'rebels', 'terrorist'],
        rows: [
          { article: 'b', labels: [{ label: 'rebels', count: 9 }, { label: 'terrorist', count: 1 }] },
          { article: 'a', labels: [{ label: 'militants', count: 8 }, { label: 'terrorist', count: 4 }] },
        ],
        why: 'because',
      },
    ]);
  });

  it('leaves a group out when fewer than two compared reports name the actor, or they all use the same word most', () => {
    expect(proposedForComparison([proposed], ['b', 'x'])).toEqual([]);
    expect(proposedForComparison([proposed], ['a', 'c'])).toEqual([]);
  });
});

describe('links into the lexicon pages', () => {
  it('carries the wording and its article to the chooser, or straight to one lexicon', () => {
    expect(addToLexiconHref('  Takfiri\n militants ', 'a1')).toBe('/lexicons?add=Takfiri+militants&from=a1#add');
    expect(addToLexiconHref('topple', undefined, 'syria')).toBe('/lexicons/syria?add=topple#add');
  });

  it('opens a term’s entry in its edit form', () => {
    expect(editEntryHref('syria', 'takfiris', 'a1')).toBe('/lexicons/syria?edit=takfiris&from=a1#entry-takfiris');
  });
});
