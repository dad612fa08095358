/**
 * The common life of an editable record: checked, written in one transaction, read back.
 * Services give what differs (the repo functions and the checks); this gives the rest.
 */
import { type Catalogue, inTransaction } from '../catalogue/database.ts';
import { deleted, found } from './require.ts';

export interface EditableSpec<T extends { id: number }> {
  /** French name for messages ("Retour d'expérience"). */
  what: string;
  get(db: Catalogue, id: number): T | undefined;
  insert(db: Catalogue, record: Omit<T, 'id'>): number;
  update(db: Catalogue, record: T): void;
  remove(db: Catalogue, id: number): boolean;
  /** Throws a French AppError when the record refers to something absent or foreign. */
  check(db: Catalogue, record: Omit<T, 'id'> & { id?: number }): void;
}

export function editable<T extends { id: number }>(spec: EditableSpec<T>) {
  return {
    get: (db: Catalogue, id: number): T => found(spec.get(db, id), spec.what),
    create: (db: Catalogue, input: Omit<T, 'id'>): T =>
      inTransaction(db, () => {
        spec.check(db, input);
        return spec.get(db, spec.insert(db, input))!;
      }),
    update: (db: Catalogue, id: number, patch: Partial<Omit<T, 'id'>>): T =>
      inTransaction(db, () => {
        const next = { ...found(spec.get(db, id), spec.what), ...stripUndefined(patch) };
        spec.check(db, next);
        spec.update(db, next);
        return spec.get(db, id)!;
      }),
    remove: (db: Catalogue, id: number) => deleted(spec.remove(db, id), spec.what),
  };
}

/** A patch names only what changes: absent keys keep their value. */
function stripUndefined<P extends object>(patch: P): Partial<P> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<P>;
}
