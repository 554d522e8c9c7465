'use client';
/** The library table: articles grouped by event, sortable and filterable, with checkboxes to pick a comparison. */
import {
  columnFilteringFeature,
  createColumnHelper,
  createFilteredRowModel,
  createSortedRowModel,
  filterFn_includesString,
  functionalUpdate,
  globalFilteringFeature,
  rowSelectionFeature,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  tableFeatures,
  useTable,
  type RowSelectionState,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import Link from 'next/link';
import { useState } from 'react';
import { formatDate, percent } from '@/lib/view/compare-model';
import { MAX_COMPARE, MIN_COMPARE, articlesQuery, libraryQuery, type LibrarySortColumn, type LibraryState } from '@/lib/view/url-state';

export interface LibraryRow {
  id: string;
  outlet: string;
  published: string | null;
  title: string;
  words: number;
  loadedTerms: number;
  boilerplateShare: number;
  /** Id of the event the article belongs to, null when it stands alone. */
  event: string | null;
}

export interface LibraryEvent {
  id: string;
  label: string;
  dates: string[];
  why: string;
  articles: string[];
}

const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic },
  columnFilteringFeature,
  globalFilteringFeature,
  filteredRowModel: createFilteredRowModel(),
  filterFns: { includesString: filterFn_includesString },
  rowSelectionFeature,
});

const helper = createColumnHelper<typeof features, LibraryRow>();

const columns = helper.columns([
  helper.display({
    id: 'select',
    header: () => <span className="sr-only">Pick for comparison</span>,
    cell: ({ row }) => (
      <input
        type="checkbox"
        className="size-4 accent-accent"
        checked={row.getIsSelected()}
        onChange={row.getToggleSelectedHandler()}
        aria-label={`Pick “${row.original.title}” (${row.original.outlet}) for comparison`}
      />
    ),
  }),
  helper.accessor('outlet', { header: 'Outlet', sortFn: 'alphanumeric' }),
  helper.accessor((r) => r.published ?? '', {
    id: 'published',
    header: 'Date',
    sortFn: 'alphanumeric',
    cell: (c) => (c.getValue() ? <time className="whitespace-nowrap" dateTime={c.getValue()}>{formatDate(c.getValue())}</time> : <span className="text-muted">undated</span>),
  }),
  helper.accessor('title', {
    header: 'Title',
    sortFn: 'alphanumeric',
    cell: (c) => (
      <Link href={`/articles/${c.row.original.id}`} className="font-serif text-[0.95rem] text-ink hover:text-accent hover:underline">
        {c.getValue()}
      </Link>
    ),
  }),
  helper.accessor('words', { header: 'Words', sortFn: 'basic', cell: (c) => c.getValue().toLocaleString('en') }),
  helper.accessor('loadedTerms', { header: 'Loaded terms', sortFn: 'basic' }),
  helper.accessor('boilerplateShare', { header: 'Boilerplate', sortFn: 'basic', cell: (c) => percent(c.getValue()) }),
]);

const NUMERIC = new Set(['words', 'loadedTerms', 'boilerplateShare']);
const FILTERABLE = new Set(['outlet', 'published', 'title']);

function writeUrl(state: LibraryState) {
  window.history.replaceState(null, '', `${window.location.pathname}${libraryQuery(state)}`);
}

export function LibraryTable({ rows, events, initial }: { rows: LibraryRow[]; events: LibraryEvent[]; initial: LibraryState }) {
  const [sorting, setSortingState] = useState<SortingState>(initial.sort ? [initial.sort] : []);
  const [globalFilter, setGlobalFilterState] = useState(initial.q);
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});

  const setSorting = (u: Updater<SortingState>) => {
    const next = functionalUpdate(u, sorting);
    setSortingState(next);
    const first = next[0];
    writeUrl({ sort: first ? { id: first.id as LibrarySortColumn, desc: first.desc } : null, q: globalFilter });
  };
  const setGlobalFilter = (u: Updater<string>) => {
    const next = functionalUpdate(u, globalFilter);
    setGlobalFilterState(next);
    const first = sorting[0];
    writeUrl({ sort: first ? { id: first.id as LibrarySortColumn, desc: first.desc } : null, q: next });
  };

  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (r) => r.id,
    state: { sorting, globalFilter, rowSelection },
    onSortingChange: setSorting,
    onGlobalFilterChange: setGlobalFilter,
    onRowSelectionChange: setRowSelection,
    globalFilterFn: 'includesString',
    getColumnCanGlobalFilter: (column) => FILTERABLE.has(column.id),
    enableSortingRemoval: true,
  });

  const visible = table.getRowModel().rows;
  // Keys of the selection keep the order the reader ticked them in: that becomes the column order.
  const selected = Object.keys(rowSelection).filter((id) => rowSelection[id]);
  const canCompare = selected.length >= MIN_COMPARE && selected.length <= MAX_COMPARE;
  const groups = [
    ...events.map((e) => ({ event: e as LibraryEvent | null, key: e.id, rows: visible.filter((r) => r.original.event === e.id) })),
    { event: null, key: 'ungrouped', rows: visible.filter((r) => r.original.event === null || !events.some((e) => e.id === r.original.event)) },
  ].filter((g) => g.rows.length > 0);
  const columnCount = table.getAllLeafColumns().length;

  return (
    <div>
      <div className="mb-4 flex flex-wrap items-end gap-4">
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">Filter by outlet, date or title</span>
          <input
            type="search"
            value={globalFilter}
            onChange={(e) => table.setGlobalFilter(e.target.value)}
            placeholder="e.g. Press TV, 2018-07, rebels"
            className="w-72 max-w-full rounded-md border border-rule bg-white px-3 py-1.5"
          />
        </label>
        <p className="text-sm text-muted" aria-live="polite">
          {visible.length} of {rows.length} articles
        </p>
      </div>

      <MobileSort sorting={sorting} onChange={(next) => table.setSorting(next)} />
      <div className="space-y-6 md:hidden" data-testid="library-cards">
        {groups.map((g) => (
          <section key={g.key} data-event={g.event?.id ?? 'none'} className="rounded-lg border border-rule bg-white">
            <div className="border-b border-rule px-4 py-3 text-sm">
              {g.event ? <EventHeading event={g.event} /> : <span className="font-semibold">Articles not grouped with any event</span>}
            </div>
            <ul>
              {g.rows.map((row) => (
                <li key={row.id} data-article={row.id} className={`flex gap-3 border-t border-rule/70 px-4 py-3 first:border-t-0 ${row.getIsSelected() ? 'bg-sky-50' : ''}`}>
                  <input
                    type="checkbox"
                    className="mt-1 size-4 shrink-0 accent-accent"
                    checked={row.getIsSelected()}
                    onChange={row.getToggleSelectedHandler()}
                    aria-label={`Pick “${row.original.title}” (${row.original.outlet}) for comparison`}
                  />
                  <div className="min-w-0">
                    <Link href={`/articles/${row.original.id}`} className="font-serif leading-snug text-ink hover:text-accent hover:underline">
                      {row.original.title}
                    </Link>
                    <p className="mt-1 text-xs text-muted">
                      <span className="font-medium text-ink">{row.original.outlet}</span> · {row.original.published ? formatDate(row.original.published) : 'undated'} ·{' '}
                      {row.original.words.toLocaleString('en')} words · {row.original.loadedTerms} loaded terms · {percent(row.original.boilerplateShare)} boilerplate
                    </p>
                  </div>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      <div className="hidden overflow-x-auto rounded-lg border border-rule bg-white md:block">
        <table className="w-full border-collapse text-sm" data-testid="library-table">
          <thead className="bg-stone-50 text-left">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const numeric = NUMERIC.has(header.column.id);
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                      className={`border-b border-rule px-3 py-2 font-medium text-muted ${numeric ? 'text-right' : ''}`}
                    >
                      {header.column.getCanSort() ? (
                        <button type="button" onClick={header.column.getToggleSortingHandler()} className="inline-flex items-center gap-1 hover:text-ink">
                          <table.FlexRender header={header} />
                          <span aria-hidden className="w-3 text-xs">
                            {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                          </span>
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          {groups.map((g) => (
            <tbody key={g.key} data-event={g.event?.id ?? 'none'}>
              <tr className="bg-stone-50/60">
                <th colSpan={columnCount} scope="rowgroup" className="border-t border-rule px-3 pb-2 pt-4 text-left font-normal">
                  {g.event ? <EventHeading event={g.event} /> : <span className="font-semibold">Articles not grouped with any event</span>}
                </th>
              </tr>
              {g.rows.map((row) => (
                <tr key={row.id} data-article={row.id} className={`border-t border-rule/70 ${row.getIsSelected() ? 'bg-sky-50' : 'hover:bg-stone-50'}`}>
                  {row.getAllCells().map((cell) => (
                    <td key={cell.id} className={`px-3 py-2 align-top ${NUMERIC.has(cell.column.id) ? 'text-right tabular-nums' : ''}`}>
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>

      <div className="sticky bottom-0 mt-4 flex flex-wrap items-center gap-3 border-t border-rule bg-paper/95 py-3 backdrop-blur">
        {canCompare ? (
          <Link href={`/compare?${articlesQuery(selected)}`} className="rounded-md bg-accent px-4 py-2 text-sm font-medium text-white hover:bg-accent/90" data-testid="compare-selected">
            Compare {selected.length} articles
          </Link>
        ) : (
          <button type="button" disabled className="cursor-not-allowed rounded-md bg-stone-300 px-4 py-2 text-sm font-medium text-stone-600" data-testid="compare-selected">
            Compare
          </button>
        )}
        <span className="text-sm text-muted" aria-live="polite">
          {selected.length === 0
            ? `Tick ${MIN_COMPARE} to ${MAX_COMPARE} articles to compare them side by side.`
            : selected.length > MAX_COMPARE
              ? `${selected.length} picked: untick ${selected.length - MAX_COMPARE} (at most ${MAX_COMPARE}).`
              : `${selected.length} picked${selected.length < MIN_COMPARE ? `: pick at least ${MIN_COMPARE}` : ', in the order shown as columns'}.`}
        </span>
        {selected.length > 0 ? (
          <button type="button" onClick={() => setRowSelection({})} className="text-sm text-accent hover:underline">
            Clear
          </button>
        ) : null}
      </div>
    </div>
  );
}

const SORT_CHOICES: { label: string; sort: SortingState }[] = [
  { label: 'Event order', sort: [] },
  { label: 'Newest first', sort: [{ id: 'published', desc: true }] },
  { label: 'Oldest first', sort: [{ id: 'published', desc: false }] },
  { label: 'Outlet A–Z', sort: [{ id: 'outlet', desc: false }] },
  { label: 'Most loaded terms', sort: [{ id: 'loadedTerms', desc: true }] },
  { label: 'Longest first', sort: [{ id: 'words', desc: true }] },
];

/** On narrow screens the column headers are hidden, so sorting is a select. */
function MobileSort({ sorting, onChange }: { sorting: SortingState; onChange: (s: SortingState) => void }) {
  const key = (s: SortingState) => s.map((c) => `${c.desc ? '-' : ''}${c.id}`).join(',');
  const current = key(sorting);
  const known = SORT_CHOICES.some((c) => key(c.sort) === current);
  return (
    <label className="mb-4 flex items-center gap-2 text-sm md:hidden">
      <span className="font-medium">Sort</span>
      <select
        value={current}
        onChange={(e) => onChange(SORT_CHOICES.find((c) => key(c.sort) === e.target.value)?.sort ?? [])}
        className="rounded-md border border-rule bg-white px-2 py-1.5"
      >
        {known ? null : <option value={current}>As chosen</option>}
        {SORT_CHOICES.map((c) => (
          <option key={c.label} value={key(c.sort)}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function EventHeading({ event }: { event: LibraryEvent }) {
  const first = event.dates[0];
  const last = event.dates[event.dates.length - 1];
  const dates = first && last ? (first === last ? formatDate(first) : `${formatDate(first)} – ${formatDate(last)}`) : null;
  const ids = event.articles.slice(0, MAX_COMPARE);
  return (
    <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
      <span className="text-base font-semibold text-ink">{event.label}</span>
      {dates ? <span className="text-muted">{dates}</span> : null}
      {ids.length >= MIN_COMPARE ? (
        <Link href={`/compare?${articlesQuery(ids)}`} className="text-accent hover:underline" data-testid="event-compare">
          Compare these {ids.length} reports →
        </Link>
      ) : null}
      <p className="basis-full text-muted">{event.why}</p>
    </div>
  );
}
