/**
 * Helpers shared by the commands: argument parsing, loading with progress, error reporting.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadArticles, loadCorpus, loadLexicons, type LoadResult } from '../../lib/corpus';
import type { Lexicon, LoadError } from '../../lib/types';

/** Parses options strictly, so a typo is an error rather than a silently ignored flag. */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  return parseArgs({ args, options, allowPositionals: true, strict: true });
}

/** Shows files read and throughput on stderr, only on a terminal, so it never mixes with JSON on stdout. */
export function progressReporter(): ((files: number, bytes: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  const started = performance.now();
  let last = 0;
  return (files, bytes) => {
    const now = performance.now();
    if (now - last < 200) return;
    last = now;
    const mb = bytes / 1024 / 1024;
    const rate = mb / Math.max((now - started) / 1000, 1e-3);
    process.stderr.write(`\rread ${files} files, ${mb.toFixed(1)} MB, ${rate.toFixed(1)} MB/s `);
  };
}

export function clearProgress(): void {
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
}

/** Loads the given paths, or the bundled corpus when there are none. */
export async function loadInputs(paths: string[]): Promise<LoadResult> {
  const progress = progressReporter();
  const result = paths.length ? await loadArticles(paths, progress) : await loadCorpus(progress);
  clearProgress();
  return result;
}

/** Loads lexicons unless switched off; lexicon errors are reported like file errors. */
export async function loadLexiconOption(values: { lexicons?: string; 'no-lexicon'?: boolean }): Promise<{ lexicons: Lexicon[]; errors: LoadError[] }> {
  if (values['no-lexicon']) return { lexicons: [], errors: [] };
  return loadLexicons(values.lexicons);
}

/** Prints each rejected file on stderr: the file, why, and what to do. */
export function reportErrors(errors: LoadError[]): void {
  for (const e of errors) process.stderr.write(`parallax: ${e.file}: ${e.reason}\n  → ${e.hint}\n`);
}

/**
 * Writes text pieces to a stream in batches of about a megabyte, waiting whenever the stream asks
 * to (a pipe to a slow reader), then `end` (not a stream end: the process may write more).
 */
export async function writePieces(stream: NodeJS.WritableStream, pieces: Iterable<string>, end = ''): Promise<void> {
  let batch: string[] = [];
  let size = 0;
  const flush = async () => {
    if (!batch.length) return;
    const ok = stream.write(batch.join(''));
    batch = [];
    size = 0;
    if (!ok) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
  };
  for (const piece of pieces) {
    batch.push(piece);
    size += piece.length;
    if (size >= 1 << 20) await flush();
  }
  batch.push(end);
  await flush();
}
