/** Shown while a comparison is computed: column skeletons at the height of the first rows. */
export default function Loading() {
  return (
    <main className="mx-auto max-w-[96rem] px-4 pt-6 sm:px-6" aria-busy="true">
      <p className="text-muted">Lining up the reports…</p>
      <div className="mt-6 grid grid-cols-2 gap-6">
        {[0, 1, 2, 3, 4, 5].map((i) => (
          <div key={i} className="h-16 animate-pulse rounded bg-stone-200/70" />
        ))}
      </div>
    </main>
  );
}
