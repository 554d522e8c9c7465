/**
 * Reads a lexicon API request's JSON body through its zod schema: the data, or the answer to send
 * (400 when the body is not JSON, 422 naming the first fields that do not validate).
 */
import type { z } from 'zod';
import { describeZod } from '@/lib/lexicon/edit-request';

export async function readLexiconRequest<T>(request: Request, schema: z.ZodType<T>): Promise<{ data: T } | { refused: Response }> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return { refused: Response.json({ error: 'the body is not JSON', field: 'body' }, { status: 400 }) };
  }
  const input = schema.safeParse(body);
  if (!input.success) return { refused: Response.json(describeZod(input.error), { status: 422 }) };
  return { data: input.data };
}
