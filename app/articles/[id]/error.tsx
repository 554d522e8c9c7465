'use client';
/** Error boundary for the article page. */
import { ErrorPanel } from '../../_components/error-panel';

export default function ArticleError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorPanel what="The article could not be shown" error={error} retry={retry} />;
}
