/** Stable identities: random for records created here, derived from a natural key where one exists. */
import { createHash, randomUUID } from 'node:crypto';

export function newUid(): string {
  return randomUUID();
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
