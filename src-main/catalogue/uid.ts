/** Stable identities: random for records created here, derived from a natural key where one exists. */
import { createHash, randomUUID } from 'node:crypto';

export function newUid(): string {
  return randomUUID();
}

let lastMs = 0;
let sequence = 0;

/**
 * A fresh identity that sorts in creation order (RFC 9562 version 7 layout: the millisecond, then a
 * counter within it, then randomness): for records shown in the order they were written — a review
 * history — in every catalogue they reach, whatever local ids they get there.
 */
export function orderedUid(now = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    sequence = 0;
  } else {
    sequence = (sequence + 1) & 0xfff;
  }
  const time = lastMs.toString(16).padStart(12, '0');
  const random = randomUUID().replace(/-/g, '');
  const variant = ((parseInt(random[0]!, 16) & 0x3) | 0x8).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${sequence.toString(16).padStart(3, '0')}-${variant}${random.slice(1, 4)}-${random.slice(4, 16)}`;
}

/**
 * The same natural key (a UAI, a consultation's slug, a text's place) gives the same identity in
 * every catalogue, so that two laptops that created it independently hold one record, not two.
 * Formatted as an RFC 4122 name-based identifier (version 5 layout, SHA-256 based).
 */
export function derivedUid(kind: string, ...parts: (string | number | null)[]): string {
  const hex = createHash('sha256').update(['synthese-regionale', kind, ...parts.map((p) => String(p ?? ''))].join('\u0000')).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export const UID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
