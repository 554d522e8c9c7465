import { describe, expect, it } from 'vitest';
import { compareMarks, overlaps, parallaxLabels, type ParallaxLabel } from '../lib/classroom/compare-marks';
import type { StudentMark } from '../lib/classroom/marks';
import { loadSeeds } from './helpers/seed-analysis';

const mark = (article: number, start: number, end: number): StudentMark => ({ article, start, end, referent: null });

function label(article: number, start: number, end: number, key: string): ParallaxLabel {
  return {
    article,
    start,
    end,
    key,
    text: key,
    referent: 'armed-opposition',
    label: key,
    connotation: -1,
    voice: 'narrator',
    entry: { lexicon: 'test', id: key, note: '', source: { name: 'test' } },
  };
}

describe('overlap of marks and labels', () => {
  it('needs one shared character in the same article', () => {
    expect(overlaps(mark(0, 0, 5), mark(0, 4, 9))).toBe(true);
    expect(overlaps(mark(0, 0, 5), mark(0, 5, 9))).toBe(false);
    expect(overlaps(mark(0, 0, 5), mark(1, 0, 5))).toBe(false);
  });
});

describe('comparing marks with Parallax labels', () => {
  // Article 0 calls the opposition "militants" twice and "Takfiri" once; article 1 says "rebels".
  const labels = [label(0, 10, 19, 'militants'), label(0, 50, 59, 'militants'), label(0, 80, 87, 'Takfiri'), label(1, 5, 11, 'rebels')];

  it('sorts what both found, what only the student found and what only Parallax found', () => {
    const marks = [mark(0, 48, 60), mark(0, 100, 110)];
    const r = compareMarks(marks, labels);
    expect(r.both.map((g) => g.key)).toEqual(['militants']);
    expect(r.both[0]!.marks).toEqual([mark(0, 48, 60)]);
    expect(r.studentOnly).toEqual([mark(0, 100, 110)]);
    expect(r.parallaxOnly.map((g) => g.key)).toEqual(['Takfiri', 'rebels']);
  });

  it('counts a wording as found when any one of its occurrences is marked', () => {
    const r = compareMarks([mark(0, 12, 14)], labels);
    expect(r.agreement).toMatchObject({ marksMatched: 1, marks: 1, wordingsFound: 1, wordings: 3, precision: 1, recall: 1 / 3 });
    expect(r.agreement.f1).toBeCloseTo(0.5);
  });

  it('matches one long mark against every wording it covers', () => {
    const r = compareMarks([mark(0, 0, 90)], labels);
    expect(r.both.map((g) => g.key)).toEqual(['militants', 'Takfiri']);
    expect(r.agreement.f1).toBeCloseTo(0.8);
  });

  it('has no agreement figure without marks, and zero when nothing matches', () => {
    expect(compareMarks([], labels).agreement).toMatchObject({ precision: null, recall: 0, f1: null });
    expect(compareMarks([mark(1, 50, 60)], labels).agreement).toMatchObject({ precision: 0, recall: 0, f1: 0 });
    expect(compareMarks([mark(1, 50, 60)], []).agreement).toMatchObject({ recall: null, f1: null });
  });
});

describe('Parallax labels of an article', () => {
  it('keeps loaded terms, one key per wording and article, and leaves neutral terms out', () => {
    const [press, dem] = loadSeeds(['000', '003']);
    const labels = parallaxLabels([press!, dem!]);
    expect(labels.length).toBeGreaterThan(0);
    expect(labels.every((l) => l.connotation !== 0)).toBe(true);
    expect(new Set(labels.filter((l) => l.article === 0 && l.label === 'militants').map((l) => l.key)).size).toBe(1);
    expect(labels.some((l) => l.label === 'rebels')).toBe(false);
  });

  it('keeps only the focus referents when the exercise names some', () => {
    const [press] = loadSeeds(['000']);
    expect(parallaxLabels([press!], ['syrian-government']).every((l) => l.referent === 'syrian-government')).toBe(true);
  });
});
