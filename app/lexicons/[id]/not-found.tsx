/** A lexicon id with no file behind it. */
import Link from 'next/link';

export default function LexiconNotFound() {
  return (
    <main className="mx-auto max-w-3xl px-4 pt-10 sm:px-6">
      <h1 className="text-2xl font-semibold">No such lexicon</h1>
      <p className="mt-3 text-muted">There is no lexicon file with this id in the lexicons folder.</p>
      <Link href="/lexicons" className="mt-6 inline-block text-accent hover:underline">
        See all lexicons
      </Link>
    </main>
  );
}
