'use client';
/** The exercise link written out in full (with this site's address) and a button that copies it. */
import { useEffect, useState } from 'react';

export function CopyLink({ path }: { path: string }) {
  const [url, setUrl] = useState(path);
  const [copied, setCopied] = useState<string | null>(null);
  useEffect(() => setUrl(`${window.location.origin}${path}`), [path]);
  return (
    <div className="mt-2 flex flex-wrap items-center gap-2">
      <input readOnly value={url} onFocus={(e) => e.currentTarget.select()} aria-label="Exercise link" className="min-w-0 flex-1 rounded border border-rule bg-white px-2 py-1.5 font-mono text-xs" data-testid="exercise-url" />
      <button
        type="button"
        className="rounded-md border border-rule bg-white px-3 py-1.5 text-sm hover:bg-stone-50"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(url);
            setCopied('Copied.');
          } catch {
            setCopied('Select the link and copy it.');
          }
        }}
      >
        Copy
      </button>
      {copied ? (
        <span role="status" className="text-sm text-emerald-900">
          {copied}
        </span>
      ) : null}
    </div>
  );
}
