/** Shown while the lexicons are read. */
export default function Loading() {
  return (
    <main className="mx-auto max-w-5xl px-4 pt-8 sm:px-6" aria-busy="true">
      <p className="text-muted">Reading the lexicons…</p>
      <div className="mt-6 grid gap-4 md:grid-cols-2">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="h-28 animate-pulse rounded-lg bg-stone-200/70" />
        ))}
      </div>
    </main>
  );
}
