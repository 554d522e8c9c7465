/** The import page: add an article by pasting its text or uploading a .txt, .md or .html file. */
import type { Metadata } from 'next';
import { MAX_ARTICLE_BYTES } from '@/lib/ingest';
import { ImportForm } from './_components/import-form';

export const metadata: Metadata = { title: 'Import an article' };

export default function ImportPage() {
  return (
    <main className="mx-auto max-w-3xl px-4 pb-16 pt-8 sm:px-6">
      <h1 className="text-3xl font-semibold tracking-tight">Import an article</h1>
      <p className="mb-8 mt-2 leading-relaxed text-muted">
        Add a report to the library to compare it with others about the same event. Parallax groups it with those reports by its date, places and
        wording. Up to {Math.round(MAX_ARTICLE_BYTES / 1024 / 1024)} MB per article.
      </p>
      <ImportForm maxBytes={MAX_ARTICLE_BYTES} />
    </main>
  );
}
