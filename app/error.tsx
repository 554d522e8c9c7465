'use client';
/** Error boundary for the library. */
import { ErrorPanel } from './_components/error-panel';

export default function LibraryError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorPanel what="The library could not be loaded" error={error} retry={retry} />;
}
