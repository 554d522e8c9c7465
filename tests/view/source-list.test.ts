import { describe, expect, it } from 'vitest';
import { clipQuote, groupSources } from '../../lib/view/source-list';
import type { SourceMention } from '../../lib/types';

const TEXT =
  'Hussein Abazeed said a ceasefire would hold. Abazeed added that weapons would be handed over. ' +
  'A military source said shelling went on. SANA reported the crossing was taken. He said talks would resume.';

function mention(speaker: string, kind: SourceMention['kind'], extra: Partial<SourceMention> = {}): SourceMention {
  const start = TEXT.indexOf(speaker);
  return { article: 'a', speaker, kind, start, end: start + speaker.length, quote: null, ...extra };
}

describe('groupSources', () => {
  it('joins a surname-only mention to the person named earlier in the same article', () => {
    const groups = groupSources([mention('Hussein Abazeed', 'named'), mention('Abazeed', 'named')], ['a'], new Map([['a', TEXT]]));
    expect(groups.get('a')).toEqual([{ speaker: 'Hussein Abazeed', kind: 'named', mentions: 2, quote: null }]);
  });

  it('lists named people first, then agencies, unnamed sources and unresolved pronouns', () => {
    const groups = groupSources(
      [mention('He', 'unresolved'), mention('SANA', 'agency'), mention('A military source', 'anonymous'), mention('Hussein Abazeed', 'named')],
      ['a', 'b'],
      new Map([['a', TEXT]]),
    );
    expect(groups.get('a')?.map((e) => e.kind)).toEqual(['named', 'agency', 'anonymous', 'unresolved']);
    expect(groups.get('b')).toEqual([]);
  });

  it('counts a pronoun resolved to a name under that name', () => {
    const he = mention('He', 'unresolved', { antecedent: { start: 0, end: 15, text: 'Hussein Abazeed' } });
    const groups = groupSources([mention('Hussein Abazeed', 'named'), he], ['a'], new Map([['a', TEXT]]));
    expect(groups.get('a')).toEqual([{ speaker: 'Hussein Abazeed', kind: 'named', mentions: 2, quote: null }]);
  });

  it('keeps the first quote of each speaker, shortened at a word boundary', () => {
    const q = TEXT.indexOf('a ceasefire');
    const groups = groupSources([mention('Hussein Abazeed', 'named', { quote: { start: q, end: q + 22 } })], ['a'], new Map([['a', TEXT]]));
    expect(groups.get('a')?.[0]?.quote).toBe('a ceasefire would hold');
    expect(clipQuote('one two three four five', 12)).toBe('one two…');
  });
});
