'use client';
/** The import form: paste text or upload a file, with title, outlet, date and address; posts to /api/articles. */
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';

type Mode = 'paste' | 'file';
type FieldErrors = Partial<Record<string, string>>;

const FIELD_FOR: Record<string, string> = { body: 'text', html: 'file', 'content-type': 'text' };

export function ImportForm({ maxBytes }: { maxBytes: number }) {
  const router = useRouter();
  const uid = useId();
  const [mode, setMode] = useState<Mode>('paste');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<string | null>(null);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const fields = ['title', 'outlet', 'published', 'url'] as const;
    let init: RequestInit;
    if (mode === 'paste') {
      const body: Record<string, string> = { text: String(form.get('text') ?? '') };
      for (const f of fields) body[f] = String(form.get(f) ?? '');
      init = { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
    } else {
      const file = form.get('file');
      if (!(file instanceof File) || file.size === 0) {
        setErrors({ file: 'Choose a .txt, .md or .html file.' });
        setSummary('The article could not be imported: no file was chosen.');
        return;
      }
      if (file.size > maxBytes) {
        setErrors({ file: `The file is ${(file.size / 1024 / 1024).toFixed(1)} MB; one article may be at most ${Math.round(maxBytes / 1024 / 1024)} MB.` });
        setSummary('The article could not be imported: the file is too large.');
        return;
      }
      form.delete('text');
      init = { method: 'POST', body: form };
    }
    setBusy(true);
    setErrors({});
    setSummary(null);
    try {
      const res = await fetch('/api/articles', init);
      const json = (await res.json().catch(() => ({}))) as { id?: string; error?: string; field?: string };
      if (res.status === 201 && json.id) {
        router.push(`/articles/${json.id}?imported=1`);
        return;
      }
      const field = json.field ? (FIELD_FOR[json.field] ?? json.field) : 'text';
      const message = json.error ?? `the server answered ${res.status}`;
      setErrors({ [field === 'text' && mode === 'file' ? 'file' : field]: capitalise(message) + '.' });
      setSummary(`The article could not be imported: ${message}.`);
    } catch {
      setSummary('The article could not be sent. Check the connection and try again.');
    } finally {
      setBusy(false);
    }
  }

  const err = (name: string) =>
    errors[name] ? (
      <span id={`${uid}-${name}-error`} className="text-sm text-red-800" data-field-error={name}>
        {errors[name]}
      </span>
    ) : null;
  const described = (name: string) => (errors[name] ? { 'aria-invalid': true, 'aria-describedby': `${uid}-${name}-error` } : {});
  const input = 'w-full rounded-md border border-rule bg-white px-3 py-2 aria-[invalid=true]:border-red-700';

  return (
    <form onSubmit={onSubmit} className="space-y-6" noValidate data-testid="import-form">
      {summary ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
          {summary}
        </p>
      ) : null}
      <fieldset className="space-y-3">
        <legend className="mb-2 text-base font-semibold">The article</legend>
        <div role="radiogroup" aria-label="How to add the text" className="inline-flex rounded-md border border-rule bg-white p-0.5 text-sm">
          {(['paste', 'file'] as const).map((m) => (
            <label key={m} className={`cursor-pointer rounded px-3 py-1.5 ${mode === m ? 'bg-accent text-white' : 'text-ink hover:bg-stone-100'}`}>
              <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} className="sr-only" />
              {m === 'paste' ? 'Paste text' : 'Upload a file'}
            </label>
          ))}
        </div>
        {mode === 'paste' ? (
          <label className="flex flex-col gap-1">
            <span className="text-sm font-medium">Text</span>
            <textarea name="text" rows={14} className={`${input} font-serif leading-relaxed`} placeholder="Paste the article, one paragraph per line or separated by blank lines." {...described('text')} />
            {err('text')}
          </label>
        ) : (
          <label className="flex flex-col gap-1">
            <span className="text-sm font-medium">File (.txt, .md or .html)</span>
            <input type="file" name="file" accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html" className="text-sm" {...described('file')} />
            <span className="text-xs text-muted">From a saved web page only the main text is kept; nothing in the page runs.</span>
            {err('file')}
          </label>
        )}
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">About it</legend>
        <label className="flex flex-col gap-1 sm:col-span-2">
          <span className="text-sm font-medium">
            Title <span className="font-normal text-muted">(taken from the page or the first line when left empty)</span>
          </span>
          <input name="title" className={input} maxLength={500} {...described('title')} />
          {err('title')}
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-sm font-medium">Outlet</span>
          <input name="outlet" className={input} maxLength={200} placeholder="e.g. Reuters" {...described('outlet')} />
          {err('outlet')}
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-sm font-medium">Date published</span>
          <input name="published" type="date" className={input} {...described('published')} />
          {err('published')}
        </label>
        <label className="flex flex-col gap-1 sm:col-span-2">
          <span className="text-sm font-medium">Address (URL)</span>
          <input name="url" type="url" inputMode="url" className={input} placeholder="https://…" {...described('url')} />
          {err('url')}
        </label>
      </fieldset>
      <div className="flex items-center gap-4">
        <button type="submit" disabled={busy} className="rounded-md bg-accent px-5 py-2 font-medium text-white disabled:opacity-60">
          {busy ? 'Importing…' : 'Import'}
        </button>
        <span className="text-sm text-muted">It is added to the library as a new file; nothing is overwritten.</span>
      </div>
    </form>
  );
}

function capitalise(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}
