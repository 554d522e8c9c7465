import { describe, expect, it } from 'vitest';
import { REFERENT_PALETTE, connotationUnderline, referentCode, referentStyles } from '../../lib/view/referents';

const ref = (id: string) => ({ id, name: id, description: '' });

describe('referent styles', () => {
  it('codes a referent of several words by its initials and one word by its first letters', () => {
    expect(referentCode('armed-opposition')).toBe('AO');
    expect(referentCode('russia')).toBe('RU');
  });

  it('gives two referents that would share a code different codes, without a digit when a letter will do', () => {
    const styles = referentStyles([ref('isis'), ref('israel')]);
    expect(styles.get('isis')?.code).toBe('IS');
    expect(styles.get('israel')?.code).toBe('IR');
  });

  it('keeps codes the same whichever referents a page shows first', () => {
    const all = Array.from({ length: 14 }, (_, i) => ref(`referent-${String.fromCharCode(97 + i)}x`));
    const a = referentStyles(all, [], ['referent-nx']);
    const b = referentStyles(all, [], ['referent-ax']);
    expect(a.get('referent-nx')?.code).toBe(b.get('referent-nx')?.code);
  });

  it('never gives two referents shown on one page the same colour while the palette lasts', () => {
    const all = Array.from({ length: 15 }, (_, i) => ref(`r${i}`));
    const used = ['r14', 'r3', 'r9', 'r0', 'r12', 'r7', 'r1', 'r2', 'r5', 'r11'];
    const styles = referentStyles(all, [], used);
    expect(new Set(used.map((id) => styles.get(id)?.ink)).size).toBe(REFERENT_PALETTE.length);
  });

  it('adds a referent that only appears in hits, with a readable name', () => {
    expect(referentStyles([], ['golan-heights']).get('golan-heights')?.name).toBe('Golan heights');
  });

  it('draws a different underline for each connotation', () => {
    expect(new Set(([-2, -1, 0, 1, 2] as const).map(connotationUnderline)).size).toBe(5);
  });
});
