/**
 * Adapter over @mozilla/readability and linkedom: the one module that imports them, turning an HTML
 * page into a title and plain text (paragraphs separated by blank lines). Only text leaves this
 * module, so nothing from the page can ever run.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

export interface ExtractedArticle {
  /** The page's article title, or null when it has none. */
  title: string | null;
  /** The main text, one paragraph per block, blocks separated by a blank line. */
  text: string;
}

/** Elements whose content is never article text; removed before anything reads the page. */
const UNSAFE_OR_NOISE = 'script, style, noscript, template, iframe, object, embed, svg, math, canvas, form, button, input, select, textarea, link, meta';

/** Elements that end a line of text (a paragraph break for block elements, a line break for <br>). */
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'SUMMARY', 'TABLE', 'TR', 'UL',
]);

interface NodeLike {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<NodeLike>;
}

/** Collects the text of a subtree, starting a new paragraph at each block element. */
function blockText(root: NodeLike): string {
  const paragraphs: string[] = [];
  let line = '';
  const flush = () => {
    const t = line.replace(/[ \t\f\v\u00A0]+/g, ' ').replace(/ *\n */g, '\n').trim();
    if (t) paragraphs.push(t);
    line = '';
  };
  const walk = (node: NodeLike) => {
    if (node.nodeType === 3) {
      // Source line breaks inside a paragraph are only white space in HTML.
      line += (node.textContent ?? '').replace(/\s+/g, ' ');
      return;
    }
    if (node.nodeType !== 1) return;
    const name = node.nodeName.toUpperCase();
    if (name === 'BR') {
      line += '\n';
      return;
    }
    const block = BLOCKS.has(name);
    if (block) flush();
    for (let i = 0; i < node.childNodes.length; i++) {
      const child = node.childNodes[i];
      if (child) walk(child);
    }
    if (block) flush();
  };
  walk(root);
  flush();
  return paragraphs.join('\n\n');
}

function clean(s: string | null | undefined): string | null {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return t || null;
}

/**
 * Extracts the main article from an HTML page. Readability picks the main content; when it finds
 * none (a short or unusual page), the whole body's text is used instead. Never throws for bad HTML:
 * the worst case is an empty `text`, which the caller reports.
 */
export function extractArticle(html: string): ExtractedArticle {
  // linkedom builds no <html>/<body> around a bare fragment, so give it a full page to parse.
  const page = /<html[\s>]/i.test(html) && /<body[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  const { document } = parseHTML(page);
  for (const el of Array.from(document.querySelectorAll(UNSAFE_OR_NOISE))) el.remove();
  const pageTitle = clean(document.querySelector('title')?.textContent) ?? clean(document.querySelector('h1')?.textContent);
  // Readability mutates the document, so the fallback reads a fresh copy of the body first.
  const root = document.documentElement ? (document.body ?? document.documentElement) : null;
  const fallback = root ? blockText(root as unknown as NodeLike) : '';
  let parsed: ReturnType<Readability<NodeLike>['parse']> = null;
  try {
    parsed = new Readability<NodeLike>(document as unknown as Document, { serializer: (node) => node as unknown as NodeLike }).parse();
  } catch {
    parsed = null; // a page Readability cannot handle still has its body text
  }
  const text = parsed?.content ? blockText(parsed.content) : '';
  return {
    title: clean(parsed?.title) ?? pageTitle,
    text: text.length >= Math.min(200, fallback.length) ? text : fallback,
  };
}
