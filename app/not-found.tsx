/** The answer to any address Parallax does not know. */
import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="mx-auto max-w-3xl px-4 pt-10 sm:px-6">
      <h1 className="text-2xl font-semibold">Not in the library</h1>
      <p className="mt-3 text-muted">There is no page or article at this address. It may have been renamed, or the link may be incomplete.</p>
      <Link href="/" className="mt-6 inline-block text-accent hover:underline">
        Back to the library
      </Link>
    </main>
  );
}
