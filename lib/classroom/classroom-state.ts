/**
 * Classroom mode in the URL: the search params of a blind comparison (`blind`, `focus`, `q`, `marks`,
 * `reveal`, `key`, `print`) as zod fields that the compare page's state schema takes in, the writer
 * that puts them back into a link, and the teacher's exercise form. Absent params read as undefined,
 * so an ordinary comparison's state is unchanged.
 */
import { z } from 'zod';
import { PLAIN_ID } from '../ingest';
import { single } from '../view/params';

const REFERENT_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,80}$/;
/** The most questions an exercise carries, and the longest question. */
export const MAX_QUESTIONS = 6;
export const MAX_QUESTION_LENGTH = 240;
/** A marks code is base64url; 4000 characters hold far more than the 200 marks allowed. */
const MARKS_CODE = /^[A-Za-z0-9_-]{1,4000}$/;

const flag = single.transform((v) => (v === '1' ? true : undefined));

/** Cleans teacher-written questions: one per line, control characters out, long ones cut, at most six. */
export function cleanQuestions(raw: string): string[] {
  return raw
    .split(/\r?\n/)
    .map((q) => q.replace(/[\p{Cc}\p{Cf}]/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, MAX_QUESTION_LENGTH))
    .filter(Boolean)
    .slice(0, MAX_QUESTIONS);
}

function referentIds(raw: string): string[] {
  return [...new Set(raw.split(',').map((s) => s.trim()))].filter((id) => REFERENT_ID.test(id)).slice(0, 12);
}

/** The classroom fields of the compare page's state (spread into `compareStateSchema`). */
export const classroomFields = {
  /** `blind=1`: outlets become Source A, B…, self-references are redacted, Parallax's labels wait for the reveal. */
  blind: flag,
  /** `reveal=1` (with blind): outlets and labels shown beside the student's marks. */
  reveal: flag,
  /** `key=1` (with blind): the teacher's answer key instead of the worksheet. */
  key: flag,
  /** `print=1`: the page is being printed (the export route adds it); blind prints are worksheets. */
  print: flag,
  /** `marks=CODE`: the student's marks (lib/classroom/marks.ts); a malformed code is kept out. */
  marks: single.transform((v) => (v && MARKS_CODE.test(v) ? v : undefined)),
  /** `focus=ID,ID`: referents the exercise asks students to look at. */
  focus: single.transform((v) => {
    const ids = referentIds(v ?? '');
    return ids.length ? ids : undefined;
  }),
  /** `q=…`: the teacher's questions, one per line. */
  q: single.transform((v) => {
    const qs = cleanQuestions(v ?? '');
    return qs.length ? qs : undefined;
  }),
};

export type ClassroomState = {
  blind?: boolean | undefined;
  reveal?: boolean | undefined;
  key?: boolean | undefined;
  print?: boolean | undefined;
  marks?: string | undefined;
  focus?: string[] | undefined;
  q?: string[] | undefined;
};

/** Link parts for the classroom fields that are set (never `print`, which only the exporter adds). */
export function classroomParams(state: ClassroomState): string[] {
  const parts: string[] = [];
  if (state.blind) parts.push('blind=1');
  if (state.focus?.length) parts.push(`focus=${state.focus.map(encodeURIComponent).join(',')}`);
  if (state.q?.length) parts.push(`q=${encodeURIComponent(state.q.join('\n'))}`);
  if (state.marks) parts.push(`marks=${state.marks}`);
  if (state.reveal) parts.push('reveal=1');
  if (state.key) parts.push('key=1');
  return parts;
}

// ---------------------------------------------------------------------------------------------
// The teacher's exercise form (/exercise/new): repeated checkboxes and a text area.
// ---------------------------------------------------------------------------------------------

const many = z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string()));

export const exerciseFormSchema = z.object({
  article: many.pipe(
    z
      .array(z.string().regex(PLAIN_ID, { error: 'an article id is not valid' }))
      .min(2, { error: 'pick at least 2 reports' })
      .max(6, { error: 'pick at most 6 reports' })
      .refine((ids) => new Set(ids).size === ids.length, { error: 'a report is picked twice' }),
  ),
  focus: many.transform((ids) => referentIds(ids.join(','))),
  questions: single.transform((v) => cleanQuestions(v ?? '')),
});

export type ExerciseForm = z.infer<typeof exerciseFormSchema>;

/** The link a teacher shares: the blind comparison with the exercise's focus and questions. */
export function exerciseHref(form: ExerciseForm, path = '/compare'): string {
  const parts = [`articles=${form.article.map(encodeURIComponent).join(',')}`, ...classroomParams({ blind: true, focus: form.focus, q: form.questions })];
  return `${path}?${parts.join('&')}`;
}
