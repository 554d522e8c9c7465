/**
 * The first match at or after a position of a global pattern whose matches are one character long,
 * remembering its last answer: spans of one text read in order (paragraph after paragraph) then scan
 * the text once, where a scan per span would read up to the next match again and again.
 */
export class CharScan {
  private text = '';
  private from = 0;
  private at = -1;

  /** `pattern`: global, and every match one character (a lookahead may follow it). */
  constructor(private readonly pattern: RegExp) {}

  /** Index of the first match in `text` at or after `from` (`text.length` when none). */
  next(text: string, from: number): number {
    if (this.at >= from && this.from <= from && this.text === text) return this.at;
    const { pattern } = this;
    pattern.lastIndex = from;
    // test, not exec: no match object; lastIndex is left just past the one-character match.
    this.at = pattern.test(text) ? pattern.lastIndex - 1 : text.length;
    this.text = text;
    this.from = from;
    return this.at;
  }
}
