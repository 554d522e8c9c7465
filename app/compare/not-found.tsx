/** A comparison that names an article the library does not have. */
import Link from 'next/link';

export default function CompareNotFound() {
  return (
    <main className="mx-auto max-w-3xl px-4 pt-10 sm:px-6">
      <h1 className="text-2xl font-semibold">One of these reports is not in the library</h1>
      <p className="mt-3 text-muted">The link names an article id the library does not have. It may have been removed, or the link may be cut short.</p>
      <Link href="/" className="mt-6 inline-block text-accent hover:underline">
        Pick articles in the library
      </Link>
    </main>
  );
}
