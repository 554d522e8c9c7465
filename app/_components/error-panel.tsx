'use client';
/** The shared body of the error boundaries: says what failed in plain words and offers a retry. */
import Link from 'next/link';

export function ErrorPanel({ what, error, retry }: { what: string; error: unknown; retry: () => void }) {
  const digest = error instanceof Error && 'digest' in error ? String((error as Error & { digest?: string }).digest ?? '') : '';
  return (
    <main className="mx-auto max-w-3xl px-4 pt-10 sm:px-6" role="alert">
      <h1 className="text-2xl font-semibold">{what}</h1>
      <p className="mt-3 text-muted">
        Something went wrong on the server. Trying again often helps when a file was being written at the same moment.
        {digest ? ` (Reference ${digest}.)` : ''}
      </p>
      <div className="mt-6 flex gap-4">
        <button type="button" onClick={() => retry()} className="rounded-md bg-accent px-4 py-2 text-sm font-medium text-white">
          Try again
        </button>
        <Link href="/" className="self-center text-sm text-accent hover:underline">
          Back to the library
        </Link>
      </div>
    </main>
  );
}
