import { describe, expect, it } from 'vitest';
import { extractArticle } from '../lib/adapters/readability';

const paragraph = (i: number) =>
  `<p>Paragraph ${i}: rebels in southern Syria said on Friday they had agreed to a ceasefire and to hand over heavy weapons, a spokesman told reporters in Amman.</p>`;

const page = (body: string, head = '<title>Syrian rebels agree to talks</title>') =>
  `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

describe('readability adapter', () => {
  it('keeps the article paragraphs and drops the navigation and footer around them', () => {
    const html = page(
      `<nav><a href="/">Home</a> / <a href="/world">World</a></nav><article><h1>Syrian rebels agree to talks</h1>${[1, 2, 3, 4, 5].map(paragraph).join('')}</article><footer>© 2018 Example News. All rights reserved.</footer>`,
    );
    const { title, text } = extractArticle(html);
    expect(title).toBe('Syrian rebels agree to talks');
    expect(text).toContain('Paragraph 1: rebels');
    expect(text).toContain('Paragraph 5: rebels');
    expect(text).not.toContain('All rights reserved');
    expect(text).not.toContain('Home');
  });

  it('separates block elements with a blank line and joins inline elements into one line', () => {
    const { text } = extractArticle(page(`<article>${[1, 2, 3].map(paragraph).join('')}<p>With <b>bold</b> and <a href="#">a link</a>.</p></article>`));
    const paragraphs = text.split('\n\n');
    expect(paragraphs.at(-1)).toBe('With bold and a link.');
    expect(paragraphs.filter((p) => p.startsWith('Paragraph'))).toHaveLength(3);
  });

  it('never lets script or style content into the text', () => {
    const html = page(
      `<article>${[1, 2, 3, 4].map(paragraph).join('')}<script>window.evil = "SCRIPT-BODY"</script><style>.x{content:"STYLE-BODY"}</style><noscript>NOSCRIPT-BODY</noscript></article>`,
      '<title>t</title><script>alert("HEAD-SCRIPT")</script>',
    );
    const { text } = extractArticle(html);
    for (const marker of ['SCRIPT-BODY', 'STYLE-BODY', 'NOSCRIPT-BODY', 'HEAD-SCRIPT', '<script', '<']) expect(text).not.toContain(marker);
  });

  it('returns inline event handlers and markup as nothing but their visible text', () => {
    const { text } = extractArticle('<p onclick="steal()">Click <img src=x onerror="steal()">here</p>');
    expect(text).toBe('Click here');
  });

  it('falls back to the body text for a page too short for Readability', () => {
    expect(extractArticle('<p>Short one.</p>')).toEqual({ title: null, text: 'Short one.' });
  });

  it('keeps line breaks written with <br> inside a paragraph', () => {
    expect(extractArticle('<p>First line<br>Second line</p>').text).toBe('First line\nSecond line');
  });

  it('decodes entities and collapses the white space of the source', () => {
    expect(extractArticle('<p>Dara&rsquo;a   and\n\n  Quneitra&nbsp;provinces</p>').text).toBe('Dara’a and Quneitra provinces');
  });

  it('returns empty text rather than throwing for an empty document', () => {
    expect(extractArticle('')).toEqual({ title: null, text: '' });
  });

  it('reads a page that has <html> but no <body>', () => {
    expect(extractArticle('<html><head><title>T</title></head><p>Body text.</p></html>').text).toContain('Body text.');
  });
});
