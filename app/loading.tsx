/** Shown while the library's analysis runs (the first request after a change re-analyses the corpus). */
export default function Loading() {
  return (
    <main className="mx-auto max-w-6xl px-4 pt-8 sm:px-6" aria-busy="true">
      <p className="text-muted">Reading the library…</p>
      <div className="mt-6 space-y-3">
        {[0, 1, 2, 3, 4].map((i) => (
          <div key={i} className="h-10 animate-pulse rounded bg-stone-200/70" />
        ))}
      </div>
    </main>
  );
}
