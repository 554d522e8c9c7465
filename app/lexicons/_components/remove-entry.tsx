'use client';
/** Removes one entry from a lexicon after an inline confirmation, through PATCH /api/lexicons/ID. */
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { fieldErrors, otherErrors } from '@/lib/view/lexicon-form';

export interface RemoveEntryProps {
  lexicon: string;
  version: string;
  entry: { id: string; label: string };
}

export function RemoveEntry({ lexicon, version, entry }: RemoveEntryProps) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function remove() {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(`/api/lexicons/${encodeURIComponent(lexicon)}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ version, edits: [{ kind: 'remove-entry', id: entry.id }] }),
      });
      if (!res.ok) {
        const body = (await res.json().catch(() => ({}))) as { error?: string; field?: string };
        setError(otherErrors(fieldErrors(body), []).join(' '));
        setBusy(false);
        return;
      }
      router.push(`/lexicons/${encodeURIComponent(lexicon)}?${new URLSearchParams({ removed: entry.label }).toString()}`);
      router.refresh();
    } catch {
      setError('the server could not be reached; try again');
      setBusy(false);
    }
  }

  if (!confirming) {
    return (
      <button type="button" onClick={() => setConfirming(true)} className="text-sm text-red-800 hover:underline" data-remove-entry={entry.id}>
        Remove
      </button>
    );
  }
  return (
    <span className="inline-flex flex-wrap items-center gap-x-3 gap-y-1 text-sm" role="group" aria-label={`Remove “${entry.label}”?`}>
      <span>Remove “{entry.label}”?</span>
      <button type="button" onClick={remove} disabled={busy} className="rounded bg-red-800 px-2.5 py-1 font-medium text-white disabled:opacity-60" data-confirm-remove={entry.id} autoFocus>
        {busy ? 'Removing…' : 'Yes, remove'}
      </button>
      <button type="button" onClick={() => setConfirming(false)} className="text-accent hover:underline">
        Keep it
      </button>
      {error ? (
        <span role="alert" className="basis-full text-red-800">
          {error}
        </span>
      ) : null}
    </span>
  );
}
