'use client';
/** Error boundary for the comparison page. */
import { ErrorPanel } from '../_components/error-panel';

export default function CompareError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorPanel what="The comparison could not be built" error={error} retry={retry} />;
}
