'use client';
/** The term × outlet table: each wording's narrator and quoted counts per report, sortable and filterable by referent (kept in the URL). */
import {
  columnFilteringFeature,
  createColumnHelper,
  createFilteredRowModel,
  createSortedRowModel,
  filterFn_equals,
  functionalUpdate,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  tableFeatures,
  useTable,
  type ColumnFiltersState,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { useMemo, useState, type CSSProperties } from 'react';
import type { TermTableRow } from '@/lib/types';
import type { ReferentStyle } from '@/lib/view/referents';
import { connotationSign, connotationWords } from '@/lib/view/referents';
import { formatDate } from '@/lib/view/compare-model';

export interface TermTableProps {
  articles: { id: string; outlet: string | null; published: string | null }[];
  referents: ReferentStyle[];
  rows: TermTableRow[];
  /** Referent the table starts filtered to (from `?ref=`). */
  initialRef: string | null;
}

const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic },
  columnFilteringFeature,
  filteredRowModel: createFilteredRowModel(),
  filterFns: { equals: filterFn_equals },
});

const helper = createColumnHelper<typeof features, TermTableRow>();

function total(r: TermTableRow): number {
  return Object.values(r.counts).reduce((n, c) => n + c.narrator + c.quoted, 0);
}

/** Writes `ref` into the address bar without a round trip, keeping every other view param. */
function writeRef(ref: string | null) {
  const params = new URLSearchParams(window.location.search);
  if (ref) params.set('ref', ref);
  else params.delete('ref');
  // URLSearchParams escapes the commas of `articles=`; they are plain ids, so keep the readable form.
  const query = params.toString().replace(/%2C/g, ',');
  window.history.replaceState(null, '', `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`);
}

export function TermTable({ articles, referents, rows, initialRef }: TermTableProps) {
  const styles = useMemo(() => new Map(referents.map((r) => [r.id, r])), [referents]);
  const rank = useMemo(() => new Map(referents.map((r, i) => [r.id, i])), [referents]);
  const [sorting, setSorting] = useState<SortingState>([
    { id: 'referent', desc: false },
    { id: 'total', desc: true },
  ]);
  const [filters, setFiltersState] = useState<ColumnFiltersState>(initialRef ? [{ id: 'referent', value: initialRef }] : []);
  const setFilters = (u: Updater<ColumnFiltersState>) => {
    const next = functionalUpdate(u, filters);
    setFiltersState(next);
    const ref = next.find((f) => f.id === 'referent')?.value;
    writeRef(typeof ref === 'string' ? ref : null);
  };

  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor('referent', {
          header: 'Referent',
          // Referents sort in lexicon order (the order of the legend), not alphabetically by id.
          sortFn: (a, b) => (rank.get(a.original.referent) ?? 999) - (rank.get(b.original.referent) ?? 999),
          filterFn: 'equals',
          cell: (c) => {
            const s = styles.get(c.getValue());
            return (
              <span className="inline-flex items-baseline gap-2" style={{ '--ref-ink': s?.ink, '--ref-tint': s?.tint } as CSSProperties}>
                <span className="ref-chip">{s?.code ?? '?'}</span>
                <span>{s?.name ?? c.getValue()}</span>
              </span>
            );
          },
        }),
        helper.accessor('label', { header: 'Wording', sortFn: 'alphanumeric', cell: (c) => <q className="font-serif">{c.getValue()}</q> }),
        helper.accessor('connotation', {
          header: 'Connotation',
          sortFn: 'basic',
          cell: (c) => (
            <span title={connotationWords(c.getValue())}>
              <span className="inline-block w-8 font-semibold tabular-nums">{connotationSign(c.getValue())}</span>
              <span className="text-muted">{connotationWords(c.getValue()).replace(' wording', '')}</span>
            </span>
          ),
        }),
        ...articles.map((a) =>
          helper.group({
            id: `article:${a.id}`,
            header: () => (
              <span className="block leading-tight">
                <span className="block font-semibold text-ink">{a.outlet ?? 'Unknown outlet'}</span>
                <span className="block text-xs font-normal">{a.published ? formatDate(a.published) : 'undated'}</span>
              </span>
            ),
            columns: helper.columns([
              helper.accessor((r) => r.counts[a.id]?.narrator ?? 0, { id: `narrator:${a.id}`, header: 'narrator', sortFn: 'basic', sortDescFirst: true }),
              helper.accessor((r) => r.counts[a.id]?.quoted ?? 0, { id: `quoted:${a.id}`, header: 'quoted', sortFn: 'basic', sortDescFirst: true }),
            ]),
          }),
        ),
        helper.accessor(total, { id: 'total', header: 'Total', sortFn: 'basic', sortDescFirst: true }),
      ]),
    [articles, styles, rank],
  );

  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (r) => `${r.referent}:${r.label}`,
    state: { sorting, columnFilters: filters },
    onSortingChange: setSorting,
    onColumnFiltersChange: setFilters,
  });

  const current = filters.find((f) => f.id === 'referent')?.value;
  const cellPrint = articles.length > 4 ? 'print:px-1' : 'print:px-2';
  const shown = table.getRowModel().rows;
  const usedReferents = referents.filter((r) => rows.some((row) => row.referent === r.id));

  return (
    <div>
      <div className="no-print mb-3 flex flex-wrap items-end gap-4">
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">Referent</span>
          <select
            value={typeof current === 'string' ? current : ''}
            onChange={(e) => table.getColumn('referent')?.setFilterValue(e.target.value || undefined)}
            className="rounded-md border border-rule bg-white px-2 py-1.5"
            data-testid="term-table-referent"
          >
            <option value="">All referents</option>
            {usedReferents.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
        <p className="text-sm text-muted" aria-live="polite">
          {shown.length} wording{shown.length === 1 ? '' : 's'}. Narrator: the report&apos;s own words; quoted: words of a quoted source.
        </p>
      </div>
      {/* Paper cannot scroll sideways: every column must fit, so five or six reports print in smaller type. */}
      <div className="overflow-x-auto rounded-lg border border-rule bg-white print:overflow-visible">
        <table
          className={`term-table w-full border-collapse text-sm ${articles.length > 4 ? 'print:text-[0.7rem]' : ''}`}
          data-compact={articles.length > 4 ? '' : undefined}
          data-testid="term-table"
        >
          <thead className="bg-stone-50 text-left text-muted">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const isLeaf = header.subHeaders.length === 0;
                  const numeric = isLeaf && header.column.id !== 'referent' && header.column.id !== 'label' && header.column.id !== 'connotation';
                  return (
                    <th
                      key={header.id}
                      colSpan={header.colSpan}
                      scope="col"
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                      className={`border-b border-rule px-3 py-1.5 align-bottom font-medium ${cellPrint} ${numeric ? 'text-right' : ''} ${header.colSpan > 1 ? 'border-l text-center' : ''}`}
                    >
                      {header.isPlaceholder ? null : isLeaf && header.column.getCanSort() ? (
                        <>
                          <button type="button" onClick={header.column.getToggleSortingHandler()} className="inline-flex items-center gap-1 whitespace-nowrap hover:text-ink print:hidden">
                            <table.FlexRender header={header} />
                            <span aria-hidden className="w-3 text-xs">
                              {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                            </span>
                          </button>
                          {/* Chromium leaves buttons blank in a table head repeated on the next page: paper gets plain text. */}
                          <span className="hidden whitespace-nowrap print:inline">
                            <table.FlexRender header={header} />
                          </span>
                        </>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.id} data-term-row={row.original.referent}>
                {row.getAllCells().map((cell) => {
                  const numeric = !['referent', 'label', 'connotation'].includes(cell.column.id);
                  const v = numeric ? (cell.getValue() as number) : null;
                  // Spacing and alignment come from .term-table in globals.css: there is one cell per count.
                  return (
                    <td key={cell.id} className={numeric ? (v === 0 ? 'num zero' : 'num') : undefined}>
                      <table.FlexRender cell={cell} />
                    </td>
                  );
                })}
              </tr>
            ))}
            {shown.length === 0 ? (
              <tr>
                <td colSpan={table.getAllLeafColumns().length} className="px-3 py-4 text-muted">
                  No wordings for this referent in these reports.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </div>
  );
}
