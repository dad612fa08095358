/** Small guards shared by services: a missing record becomes a French NOT_FOUND error. */
import { notFound } from '../contract/errors.ts';

export function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw notFound(what);
  return value;
}

export function deleted(ok: boolean, what: string): { deleted: true } {
  if (!ok) throw notFound(what);
  return { deleted: true };
}
