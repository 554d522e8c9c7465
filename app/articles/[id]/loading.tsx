/** Shown while an article's analysis loads. */
export default function Loading() {
  return (
    <main className="mx-auto max-w-6xl px-4 pt-6 sm:px-6" aria-busy="true">
      <p className="text-muted">Reading the article…</p>
      <div className="mt-6 max-w-[42rem] space-y-4">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="h-20 animate-pulse rounded bg-stone-200/70" />
        ))}
      </div>
    </main>
  );
}
