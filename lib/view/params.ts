/**
 * Query params as the app reads them everywhere: Next hands a page a repeated key (`?a=1&a=2`) as the
 * list of its values, and every reader takes the first. Route handlers build the same record with
 * `searchParamsRecord`, so a link means the same to a page and to its downloads.
 */
import { z } from 'zod';

export type RawSearchParams = Record<string, string | string[] | undefined>;

/** A URL's query as Next hands it to a page: a repeated key as the list of its values, in order. */
export function searchParamsRecord(params: URLSearchParams): RawSearchParams {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of params) {
    const known = out[key];
    if (known === undefined) out[key] = value;
    else if (Array.isArray(known)) known.push(value);
    else out[key] = [known, value];
  }
  return out;
}

/** `schema` read from a param's first value when the param is repeated. */
export function firstValue<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (Array.isArray(v) ? v[0] : v), schema);
}

/** A param as one string (its first value when repeated), or undefined when absent. */
export const single = firstValue(z.string().optional());
