import { describe, expect, it } from 'vitest';
import { compareHref, parseCompareState, parseLibraryState, libraryQuery } from '../../lib/view/url-state';
import { searchParamsRecord } from '../../lib/view/params';

describe('compare URL state', () => {
  it('reads two comma-separated article ids in the order given', () => {
    const r = parseCompareState({ articles: '003_0702bf80221a2f16,000_aa3b1d39a0c4470b' });
    expect(r.ok && r.state.articles).toEqual(['003_0702bf80221a2f16', '000_aa3b1d39a0c4470b']);
  });

  it('refuses a single article, seven articles, a repeated id and a path-like id', () => {
    expect(parseCompareState({ articles: 'a' })).toMatchObject({ ok: false, message: expect.stringMatching(/at least 2/) });
    expect(parseCompareState({ articles: 'a,b,c,d,e,f,g' })).toMatchObject({ ok: false, message: expect.stringMatching(/at most 6/) });
    expect(parseCompareState({ articles: 'a,a' })).toMatchObject({ ok: false, message: expect.stringMatching(/twice/) });
    expect(parseCompareState({ articles: 'a,../etc/passwd' })).toMatchObject({ ok: false, message: expect.stringMatching(/not an article id/) });
  });

  it('says what is missing when there is no articles param at all', () => {
    expect(parseCompareState({})).toMatchObject({ ok: false, message: expect.stringMatching(/name the articles/) });
  });

  it('takes the first value of a repeated param', () => {
    const r = parseCompareState({ articles: ['a,b', 'c,d'] });
    expect(r.ok && r.state.articles).toEqual(['a', 'b']);
  });

  it('reads a route query as Next hands a page its params: a repeated key as its values in order', () => {
    const query = new URLSearchParams('articles=a,b&bp=open&articles=c,d&articles=e,f');
    expect(searchParamsRecord(query)).toEqual({ articles: ['a,b', 'c,d', 'e,f'], bp: 'open' });
    const r = parseCompareState(searchParamsRecord(query));
    expect(r.ok && r.state).toMatchObject({ articles: ['a', 'b'], bp: 'open' });
  });

  it('defaults to all referents shown, no table filter and boilerplate collapsed', () => {
    const r = parseCompareState({ articles: 'a,b' });
    expect(r.ok && r.state).toEqual({ articles: ['a', 'b'], hide: [], ref: null, bp: 'closed', cand: true });
  });

  it('drops referent ids that are not plain and ignores an unknown boilerplate value', () => {
    const r = parseCompareState({ articles: 'a,b', hide: 'russia,<script>,armed-opposition', ref: 'a b', bp: 'sideways' });
    expect(r.ok && r.state).toMatchObject({ hide: ['russia', 'armed-opposition'], ref: null, bp: 'closed' });
  });

  it('writes a state back to the same state, leaving defaults out of the link', () => {
    const state = { articles: ['a', 'b', 'c'], hide: ['russia'], ref: 'armed-opposition', bp: 'open' as const, cand: false };
    const href = compareHref(state);
    expect(href).toBe('/compare?articles=a,b,c&hide=russia&ref=armed-opposition&bp=open&cand=0');
    const params = Object.fromEntries(new URL(href, 'http://x').searchParams);
    expect(parseCompareState(params)).toEqual({ ok: true, state });
    expect(compareHref({ articles: ['a', 'b'], hide: [], ref: null, bp: 'closed', cand: true })).toBe('/compare?articles=a,b');
  });
});

describe('library URL state', () => {
  it('reads a descending sort from a leading minus', () => {
    expect(parseLibraryState({ sort: '-published', q: 'press' })).toEqual({ sort: { id: 'published', desc: true }, q: 'press' });
  });

  it('ignores a sort on a column the table does not have', () => {
    expect(parseLibraryState({ sort: 'secret' }).sort).toBeNull();
  });

  it('round-trips through the query string', () => {
    const state = { sort: { id: 'words' as const, desc: false }, q: 'Dara’a & co' };
    const params = Object.fromEntries(new URLSearchParams(libraryQuery(state).slice(1)));
    expect(parseLibraryState(params)).toEqual(state);
    expect(libraryQuery({ sort: null, q: '' })).toBe('');
  });
});
