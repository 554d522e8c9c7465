'use client';
/** Error boundary for the lexicon pages. */
import { ErrorPanel } from '../_components/error-panel';

export default function LexiconsError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorPanel what="The lexicons could not be read" error={error} retry={retry} />;
}
