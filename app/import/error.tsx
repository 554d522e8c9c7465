'use client';
/** Error boundary for the import page. */
import { ErrorPanel } from '../_components/error-panel';

export default function ImportError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorPanel what="The import page could not be shown" error={error} retry={retry} />;
}
