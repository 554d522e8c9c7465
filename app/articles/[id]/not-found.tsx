/** An article id the library does not have. */
import Link from 'next/link';

export default function ArticleNotFound() {
  return (
    <main className="mx-auto max-w-3xl px-4 pt-10 sm:px-6">
      <h1 className="text-2xl font-semibold">No such article</h1>
      <p className="mt-3 text-muted">The library has no article with this id. It may have been removed or renamed.</p>
      <Link href="/" className="mt-6 inline-block text-accent hover:underline">
        Back to the library
      </Link>
    </main>
  );
}
