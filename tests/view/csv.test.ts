import { describe, expect, it } from 'vitest';
import { csvField, termTableCsv, toCsv } from '../../lib/view/csv';
import type { CompareReport } from '../../lib/types';

describe('CSV writing', () => {
  it('leaves plain fields alone and quotes fields with commas, quotes or line breaks', () => {
    expect(csvField('rebels')).toBe('rebels');
    expect(csvField('Press TV, Tehran')).toBe('"Press TV, Tehran"');
    expect(csvField('the "so-called" observatory')).toBe('"the ""so-called"" observatory"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('defuses text a spreadsheet would run as a formula, but not numbers', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-2)).toBe('-2');
  });

  it('ends every record with CRLF', () => {
    expect(toCsv([['a', 1], ['b', 2]])).toBe('a,1\r\nb,2\r\n');
  });

  it('writes one row per wording with narrator and quoted counts per article and a total', () => {
    const article = (id: string, outlet: string) => ({ id, outlet, published: '2018-07-06' }) as CompareReport['articles'][number];
    const report = {
      articles: [article('a1', 'Press TV'), article('b2', 'Outlet, Inc.')],
      referents: [{ id: 'armed-opposition', name: 'Armed opposition', description: '' }],
      terms: [{ referent: 'armed-opposition', label: 'militants', connotation: -1, counts: { a1: { narrator: 3, quoted: 1 } } }],
    } as unknown as CompareReport;
    const lines = termTableCsv(report).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'referent,referent_name,label,connotation,connotation_words,Press TV 2018-07-06 [a1] narrator,Press TV 2018-07-06 [a1] quoted,"Outlet, Inc. 2018-07-06 [b2] narrator","Outlet, Inc. 2018-07-06 [b2] quoted",total',
    );
    expect(lines[1]).toBe('armed-opposition,Armed opposition,militants,-1,mildly delegitimising wording,3,1,0,0,4');
  });
});
