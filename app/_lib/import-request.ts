/**
 * Reads an import request (JSON, multipart with a `file`, or a urlencoded form) into an article ready
 * for saveArticle, or a refusal with an HTTP status and the field at fault. Never trusts
 * Content-Length alone: the body is read through a byte cap.
 */
import { z } from 'zod';
import { extractArticle } from '@/lib/adapters/readability';
import type { NewArticle } from '@/lib/corpus';
import { MAX_ARTICLE_BYTES, describeIssues, ingestArticle, metadataSchema } from '@/lib/ingest';

/** Room for metadata and multipart framing on top of the article itself. */
export const MAX_REQUEST_BYTES = MAX_ARTICLE_BYTES + 64 * 1024;

export interface ImportRefusal {
  status: 400 | 413 | 415 | 422;
  field: string;
  message: string;
  /** True when part of the body was left unread (past DRAIN_BYTES): the answer must close the connection. */
  unread?: boolean;
}

export type ImportParse = { ok: true; article: NewArticle } | { ok: false; refusal: ImportRefusal };

const refuse = (status: ImportRefusal['status'], field: string, message: string, unread = false): ImportParse => ({
  ok: false,
  refusal: unread ? { status, field, message, unread } : { status, field, message },
});

/**
 * Most bytes of a refused body that are read and thrown away after the answer. Answering while the
 * client is still sending, then closing, makes the kernel reset the connection, and a client that gets
 * the reset before reading the answer loses it (fetch fails with EPIPE instead of showing the 413).
 * So the answer goes out at once, keeps the connection, and the rest of the body is read in the
 * background; a body announced past this is not read, and its answer closes the connection.
 */
const DRAIN_BYTES = 32 * 1024 * 1024;

/** Reads and discards the rest of a body, up to `cap` more bytes; past them it stops reading (cancels). */
async function drainRest(reader: ReadableStreamDefaultReader<Uint8Array>, cap: number): Promise<void> {
  let seen = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      seen += value.byteLength;
      if (seen > cap) break;
    }
  } catch {
    return;
  }
  await reader.cancel().catch(() => undefined);
}

/**
 * For a body refused before any of it is read (413, 415): starts reading and discarding it in the
 * background, unless it is announced past DRAIN_BYTES. True when it is left unread (close then).
 */
function drainUnlessHuge(request: Request, declared: number): boolean {
  if (Number.isFinite(declared) && declared > DRAIN_BYTES) return true;
  if (request.body) void drainRest(request.body.getReader(), DRAIN_BYTES);
  return false;
}

const MB = (MAX_ARTICLE_BYTES / 1024 / 1024).toFixed(0);

/**
 * Reads at most `limit` bytes of a body; null when it is longer, and the rest is then read and
 * discarded in the background, up to DRAIN_BYTES in all.
 */
export async function readCapped(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array | null> {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    // Not awaited: the refusal is answered while the rest is read and thrown away.
    if (size > limit) {
      void drainRest(reader, Math.max(0, DRAIN_BYTES - size));
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

const optionalText = z.union([z.string(), z.null()]).optional();

/** The JSON body; form fields are read into the same shape. */
const bodySchema = z.object({
  title: optionalText,
  outlet: optionalText,
  published: optionalText,
  url: optionalText,
  language: optionalText,
  text: optionalText,
  html: optionalText,
});

type Body = z.infer<typeof bodySchema>;

interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

const blank = (v: string | null | undefined): v is null | undefined | '' => v === null || v === undefined || v.trim() === '';
const byteLength = (s: string) => new TextEncoder().encode(s).byteLength;

/** Parses and checks one import request. */
export async function parseImportRequest(request: Request): Promise<ImportParse> {
  const declared = Number(request.headers.get('content-length') ?? 'NaN');
  if (Number.isFinite(declared) && declared > MAX_REQUEST_BYTES) {
    const unread = drainUnlessHuge(request, declared);
    return refuse(413, 'body', `the request is ${(declared / 1024 / 1024).toFixed(1)} MB; one article may be at most ${MB} MB`, unread);
  }
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  const isJson = type.startsWith('application/json');
  const isForm = type.startsWith('multipart/form-data') || type.startsWith('application/x-www-form-urlencoded');
  if (!isJson && !isForm) {
    const unread = drainUnlessHuge(request, declared);
    return refuse(415, 'content-type', 'send JSON (application/json) or a form (multipart/form-data with a "file" field)', unread);
  }
  const bytes = await readCapped(request.body, MAX_REQUEST_BYTES);
  if (!bytes) return refuse(413, 'body', `the request is larger than the ${MB} MB limit for one article`);

  let body: Body;
  let file: UploadedFile | null = null;
  if (isJson) {
    let raw: unknown;
    try {
      raw = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      return refuse(400, 'body', 'the body is not valid JSON');
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return refuse(400, 'body', 'the body must be a JSON object');
    const parsed = bodySchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return refuse(422, String(issue?.path[0] ?? 'body'), `${String(issue?.path[0] ?? 'body')} must be a string`);
    }
    body = parsed.data;
  } else {
    let form: FormData;
    try {
      form = await new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]), { headers: { 'content-type': request.headers.get('content-type') ?? '' } }).formData();
    } catch {
      return refuse(400, 'body', 'the form data could not be read');
    }
    const field = (name: string) => {
      const v = form.get(name);
      return typeof v === 'string' ? v : null;
    };
    body = { title: field('title'), outlet: field('outlet'), published: field('published'), url: field('url'), language: field('language'), text: field('text'), html: field('html') };
    const f = form.get('file');
    if (f && typeof f !== 'string' && f.size > 0) {
      if (f.size > MAX_ARTICLE_BYTES) return refuse(413, 'file', `the file is ${(f.size / 1024 / 1024).toFixed(1)} MB; one article may be at most ${MB} MB`);
      file = { name: f.name || 'upload.txt', bytes: new Uint8Array(await f.arrayBuffer()) };
    }
  }
  return buildArticle(body, file);
}

/** Turns the checked request parts into an article: exactly one of text, html or file. */
export function buildArticle(body: Body, file: UploadedFile | null): ImportParse {
  const sources = [!blank(body.text) && 'text', !blank(body.html) && 'html', file && 'file'].filter(Boolean);
  if (sources.length === 0) return refuse(422, 'text', 'the article is empty: paste its text, or upload a .txt, .md or .html file');
  if (sources.length > 1) return refuse(422, String(sources[1]), `send the article once: as ${sources.join(' or as ')}, not both`);

  let text = '';
  let fallbackTitle: string | null = null;
  let meta: { outlet?: string | null; published?: string | null; url?: string | null } = {};
  if (!blank(body.text)) {
    if (byteLength(body.text) > MAX_ARTICLE_BYTES) return refuse(413, 'text', `the text is over the ${MB} MB limit for one article`);
    text = body.text;
  } else if (!blank(body.html)) {
    if (byteLength(body.html) > MAX_ARTICLE_BYTES) return refuse(413, 'html', `the HTML is over the ${MB} MB limit for one article`);
    const extracted = extractArticle(body.html);
    if (!extracted.text.trim()) return refuse(422, 'html', 'no article text was found in the HTML');
    text = extracted.text;
    fallbackTitle = extracted.title;
  } else if (file) {
    const lower = file.name.toLowerCase();
    if (/\.html?$/.test(lower)) {
      let html: string;
      try {
        html = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
      } catch {
        return refuse(422, 'file', 'the HTML file is not valid UTF-8 text');
      }
      const extracted = extractArticle(html);
      if (!extracted.text.trim()) return refuse(422, 'file', 'no article text was found in the HTML file');
      text = extracted.text;
      fallbackTitle = extracted.title;
    } else if (/\.(txt|md|markdown)$/.test(lower)) {
      const ingested = ingestArticle(lower, file.bytes);
      if (!ingested.ok) return refuse(422, 'file', `${ingested.error.reason}; ${ingested.error.hint}`);
      text = ingested.article.text;
      fallbackTitle = ingested.article.title;
      meta = { outlet: ingested.article.outlet, published: ingested.article.published, url: ingested.article.url };
    } else {
      return refuse(422, 'file', 'upload a .txt, .md or .html file');
    }
  }
  if (text.includes('\u0000')) return refuse(422, sources[0] as string, 'the text contains NUL characters; send plain text');
  if (!text.trim()) return refuse(422, sources[0] as string, 'the article text is blank');

  const pick = (v: string | null | undefined, fallback?: string | null) => (blank(v) ? (fallback ?? undefined) : v.trim());
  const candidate = {
    title: pick(body.title, fallbackTitle ?? firstLine(text)),
    outlet: pick(body.outlet, meta.outlet),
    published: pick(body.published, meta.published),
    url: pick(body.url, meta.url),
    language: pick(body.language) ?? 'en',
  };
  const parsed = metadataSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return refuse(422, String(issue?.path[0] ?? 'metadata'), describeIssues(parsed.error));
  }
  if (!parsed.data.title) return refuse(422, 'title', 'give the article a title');
  return {
    ok: true,
    article: {
      title: parsed.data.title,
      outlet: parsed.data.outlet ?? null,
      published: parsed.data.published ?? null,
      url: parsed.data.url ?? null,
      language: parsed.data.language ?? 'en',
      text,
    },
  };
}

/** The first non-empty line, as a title of last resort (clipped to the schema's 500 characters). */
function firstLine(text: string): string | null {
  const line = text.split('\n').find((l) => l.trim())?.trim() ?? null;
  return line ? line.slice(0, 200) : null;
}
