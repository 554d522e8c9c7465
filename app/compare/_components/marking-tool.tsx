'use client';
/**
 * Student marking in blind mode: select words in the grid, say whom they describe, mark them. Marks
 * live in the `marks=` search param (the server draws them) and in localStorage; the panel lists them
 * and hands them in as a link or a short code.
 */
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import { MAX_MARK_LENGTH, addMark, decodeMarks, encodeMarks, removeMark, type StudentMark } from '@/lib/classroom/marks';
import { readSelection, type PendingMark } from './selection-offsets';

export interface MarkingToolProps {
  /** Compared articles in `articles=` order: opaque id and blind label ("Source A"). */
  articles: { id: string; label: string }[];
  /** Lexicon referents a mark can be tagged with (index into the full list), focus referents first. */
  referents: { index: number; name: string; code: string; focus: boolean }[];
  /** The current marks, in code order, with their (redacted) quotes. */
  marks: (StudentMark & { quote: string })[];
  /** Why the `marks=` code in the address could not be read, or null. */
  problem: string | null;
  /** localStorage key for this comparison's marks. */
  storageKey: string;
  revealHref: string;
}

/** The address with `marks=` replaced (commas of `articles=` kept readable). */
function hrefWithMarks(code: string): string {
  const params = new URLSearchParams(window.location.search);
  if (code) params.set('marks', code);
  else params.delete('marks');
  params.delete('reveal');
  return `${window.location.pathname}?${params.toString().replace(/%2C/g, ',')}`;
}

export function MarkingTool({ articles, referents, marks, problem, storageKey, revealHref }: MarkingToolProps) {
  const router = useRouter();
  const [pending, setPending] = useState<PendingMark | null>(null);
  const [referent, setReferent] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const [loadCode, setLoadCode] = useState('');
  const [busy, startTransition] = useTransition();
  /** True once the selection listener is attached (the page is interactive); shown as `data-ready` on the panel. */
  const [ready, setReady] = useState(false);
  const code = encodeMarks(marks);
  const restored = useRef(false);

  const go = (next: StudentMark[] | string) => {
    const nextCode = typeof next === 'string' ? next : encodeMarks(next);
    if (!nextCode) localStorage.removeItem(storageKey);
    startTransition(() => router.replace(hrefWithMarks(nextCode), { scroll: false }));
  };

  // Marks made earlier in this browser come back when the address carries none.
  useEffect(() => {
    if (restored.current) return;
    restored.current = true;
    if (code || problem) return;
    const saved = localStorage.getItem(storageKey);
    if (saved && decodeMarks(saved).ok) {
      setNote('Your marks from last time in this browser are back.');
      go(saved);
    }
    // Runs once on arrival; `go` and the code are read as they are then.
  }, []);

  useEffect(() => {
    if (code) localStorage.setItem(storageKey, code);
  }, [code, storageKey]);

  useEffect(() => {
    const onChange = () => {
      const sel = document.getSelection();
      if (!sel || sel.rangeCount === 0) return;
      const grid = document.querySelector('[data-markable]');
      if (!grid || !sel.anchorNode || !grid.contains(sel.anchorNode)) return;
      if (sel.isCollapsed) {
        setPending(null);
        return;
      }
      setPending(readSelection(grid, sel.getRangeAt(0), articles.map((a) => a.id)));
    };
    document.addEventListener('selectionchange', onChange);
    // Words selected before this ran (while the page was still hydrating) raised their selectionchange
    // with no one listening, and none follows until the selection changes again: read it now.
    onChange();
    setReady(true);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [articles]);

  const plain: StudentMark[] = marks.map(({ article, start, end, referent: r }) => ({ article, start, end, referent: r }));
  const add = () => {
    if (!pending || pending.kind !== 'ok') return;
    const r = referent === '' ? null : Number(referent);
    go(addMark(plain, { article: pending.article, start: pending.start, end: pending.end, referent: r }));
    document.getSelection()?.removeAllRanges();
    setPending(null);
    setReferent('');
  };
  const retag = (i: number, value: string) => go(plain.map((m, k) => (k === i ? { ...m, referent: value === '' ? null : Number(value) } : m)));
  const copy = async (text: string, what: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setNote(`${what} copied.`);
    } catch {
      setNote(`Select the ${what.toLowerCase()} and copy it yourself.`);
    }
  };
  const referentOptions = (
    <>
      <option value="">not sure / no one</option>
      {referents.some((r) => r.focus) ? (
        <optgroup label="This exercise">
          {referents.filter((r) => r.focus).map((r) => (
            <option key={r.index} value={r.index}>
              {r.name}
            </option>
          ))}
        </optgroup>
      ) : null}
      <optgroup label={referents.some((r) => r.focus) ? 'Others' : 'Who or what'}>
        {referents.filter((r) => !r.focus).map((r) => (
          <option key={r.index} value={r.index}>
            {r.name}
          </option>
        ))}
      </optgroup>
    </>
  );

  return (
    <section aria-labelledby="marks-title" className="no-print rounded-lg border border-rose-200 bg-rose-50/50 p-4 text-sm" data-testid="marks-panel" aria-busy={busy || undefined} data-ready={ready || undefined}>
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id="marks-title" className="text-base font-semibold">
          Your marks <span className="font-normal text-muted">({marks.length})</span>
        </h2>
        <Link href={revealHref} prefetch={false} className="rounded-md bg-accent px-3 py-1.5 font-medium text-white no-underline hover:bg-accent/90" data-testid="reveal">
          Reveal the sources and Parallax&apos;s labels
        </Link>
      </div>
      <p className="mt-1 max-w-3xl text-muted">
        Select words in the reports below that you find loaded or one-sided, say whom they describe, and press <em>Mark</em>. Reveal when you are done: you will see
        which outlet wrote what and how your marks compare with Parallax&apos;s.
      </p>
      {problem ? (
        <p role="alert" className="mt-2 text-red-800">
          The marks in this link could not be read: {problem}.
        </p>
      ) : null}
      {note ? (
        <p role="status" className="mt-2 text-rose-900">
          {note}
        </p>
      ) : null}
      {marks.length > 0 ? (
        <ol className="mt-3 grid gap-x-6 gap-y-1.5 lg:grid-cols-2">
          {marks.map((m, i) => (
            <li key={`${m.article}-${m.start}`} className="flex min-w-0 flex-wrap items-baseline gap-x-2 gap-y-1" data-mark-item={i}>
              <span className="w-5 shrink-0 text-right text-xs font-semibold tabular-nums text-rose-800">{i + 1}</span>
              <span className="shrink-0 text-xs text-muted">{articles[m.article]?.label}</span>
              <q className="min-w-[8rem] flex-1 truncate font-serif">{m.quote}</q>
              <select
                value={m.referent ?? ''}
                onChange={(e) => retag(i, e.target.value)}
                className="ml-auto max-w-[11rem] shrink-0 rounded border border-rule bg-white px-1 py-0.5 text-xs"
                aria-label={`Whom mark ${i + 1} describes`}
              >
                {referentOptions}
              </select>
              <button type="button" onClick={() => go(removeMark(plain, i))} className="shrink-0 text-xs text-accent hover:underline" aria-label={`Remove mark ${i + 1}`}>
                remove
              </button>
            </li>
          ))}
        </ol>
      ) : null}
      <div className="mt-4 flex flex-wrap items-center gap-x-4 gap-y-2 border-t border-rose-200 pt-3">
        <span className="text-muted">Hand in:</span>
        <input readOnly value={code} placeholder="no marks yet" aria-label="Your marks as a code" className="w-48 rounded border border-rule bg-white px-2 py-1 font-mono text-xs" data-testid="marks-code" />
        <button type="button" disabled={!code} onClick={() => copy(code, 'Code')} className="text-accent hover:underline disabled:text-muted disabled:no-underline">
          copy code
        </button>
        <button type="button" disabled={!code} onClick={() => copy(window.location.href, 'Link')} className="text-accent hover:underline disabled:text-muted disabled:no-underline">
          copy link
        </button>
        {marks.length > 0 ? (
          <button type="button" onClick={() => go([])} className="text-accent hover:underline">
            clear all
          </button>
        ) : null}
        <form
          className="ml-auto flex items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            const read = decodeMarks(loadCode);
            if (read.ok) go(loadCode.trim());
            else setNote(`That code could not be read: ${read.message}.`);
          }}
        >
          <label htmlFor="load-code" className="text-muted">
            Open a student&apos;s code:
          </label>
          <input id="load-code" value={loadCode} onChange={(e) => setLoadCode(e.target.value)} className="w-40 rounded border border-rule bg-white px-2 py-1 font-mono text-xs" />
          <button type="submit" className="text-accent hover:underline">
            open
          </button>
        </form>
      </div>
      {pending ? (
        <div role="dialog" aria-label="Mark the selected words" className="fixed inset-x-0 bottom-0 z-40 border-t border-rose-300 bg-white/95 px-4 py-3 shadow-[0_-6px_20px_rgb(0_0_0/0.08)] backdrop-blur" data-testid="mark-bar">
          <div className="mx-auto flex max-w-[96rem] flex-wrap items-center gap-x-4 gap-y-2">
            {pending.kind === 'ok' ? (
              <>
                <span className="min-w-0 max-w-xl truncate">
                  <span className="text-muted">{articles[pending.article]?.label}: </span>
                  <q className="font-serif">{pending.quote}</q>
                </span>
                <label className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1">
                  <span className="text-muted">Whom does it describe?</span>
                  <select value={referent} onChange={(e) => setReferent(e.target.value)} className="min-w-0 max-w-[16rem] rounded border border-rule bg-white px-2 py-1" data-testid="mark-referent">
                    {referentOptions}
                  </select>
                </label>
                <button type="button" onClick={add} className="rounded-md bg-rose-700 px-3 py-1.5 font-medium text-white hover:bg-rose-800" data-testid="mark-add">
                  Mark
                </button>
              </>
            ) : (
              <span className="text-rose-900">{pending.kind === 'too-long' ? `Select a few words at a time (at most ${MAX_MARK_LENGTH} characters).` : 'Select words within one report.'}</span>
            )}
            <button type="button" onClick={() => setPending(null)} className="text-accent hover:underline">
              cancel
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
