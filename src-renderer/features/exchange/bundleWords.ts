/** Bundles in words: what one carries, a file name for it, its scope. */
import { RECORD_KIND_LABELS, RECORD_KINDS, type RecordKind } from '../../../src-main/contract/schemas/exchange.ts';
import { frenchNumber } from '../../components/format.ts';

/** { meeting: 13, contribution: 37, deleted: 2 } → « 13 rencontres, 37 contributions, 2 suppressions ». */
export function describeCounts(counts: Record<string, number>): string {
  const parts = RECORD_KINDS.filter((k) => (counts[k] ?? 0) > 0).map((k) => countOf(counts[k]!, k));
  const deleted = counts.deleted ?? 0;
  if (deleted > 0) parts.push(`${frenchNumber(deleted)} suppression${deleted > 1 ? 's' : ''}`);
  return parts.length > 0 ? parts.join(', ') : 'aucun enregistrement';
}

export function countOf(n: number, kind: RecordKind): string {
  const label = RECORD_KIND_LABELS[kind];
  return `${frenchNumber(n)} ${n > 1 ? label.many : label.one}`;
}

/** « DSDEN de la Vienne » → « DSDEN-de-la-Vienne » (letters without accents, for any file system). */
export function fileStem(name: string): string {
  const stem = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return stem.slice(0, 60) || 'catalogue';
}

/** A log entry's scope: « region » is the whole catalogue; otherwise the académie or the département. */
export function isWhole(scope: string): boolean {
  return scope === 'region';
}

/** « 12 Ko », « 3,4 Mo ». */
export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${frenchNumber(Math.max(1, Math.round(bytes / 1024)))} Ko`;
  return `${(bytes / 1024 / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`;
}
