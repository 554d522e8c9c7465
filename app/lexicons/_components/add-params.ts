/** Reads the `add` (a wording) and `from` (an article id) params that carry a wording into the lexicon pages. */
import { z } from 'zod';
import { PLAIN_ID } from '@/lib/ingest';
import { single, type RawSearchParams } from '@/lib/view/params';

const addParams = z.object({
  add: single.transform((v) => v?.replace(/\s+/g, ' ').trim().slice(0, 200) || null),
  from: single.transform((v) => (v && PLAIN_ID.test(v) ? v : null)),
  edit: single.transform((v) => (v && /^[a-z0-9][a-z0-9-]{0,63}$/.test(v) ? v : null)),
});

export type AddParams = z.infer<typeof addParams>;

/** Anything unreadable counts as absent. */
export function readAddParams(params: RawSearchParams): AddParams {
  return addParams.safeParse(params).data ?? { add: null, from: null, edit: null };
}
