/** One search over the whole catalogue: meetings, retex, contributions, the texts written in the app and the restitutions' passages. */
import { z } from 'zod';
import { Id } from '../primitives.ts';
import { SearchText } from './lists.ts';

export const CatalogueSearch = z.object({
  campaignId: Id,
  search: SearchText,
  /** Hits per kind. */
  limit: z.number().int().min(1).max(50).default(10),
});

export const SearchHitKind = z.enum(['meeting', 'retex', 'contribution', 'texte', 'restitution']);
export const SearchHit = z.object({
  kind: SearchHitKind,
  /** The record's id (a restitution's for a passage found in it); for a texte, null (it is found by its section and thématique). */
  id: Id.nullable(),
  thematiqueId: Id.nullable(),
  /** For a texte: its section's key and scope. */
  sectionKey: z.string().nullable(),
  scope: z.string().nullable(),
  title: z.string(),
  /** The matched passage, with the matched words between « [ » and « ] ». */
  snippet: z.string(),
  /** For a restitution's passage: its meeting, and the passage's index (the reading view shows it). */
  meetingId: Id.nullable().optional(),
  passageIndex: z.number().int().min(0).nullable().optional(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const CatalogueSearchResult = z.object({
  hits: z.array(SearchHit),
  /** How many matched of each kind (the hits are the first `limit` of each, best first). */
  totals: z.object({
    meeting: z.number().int(), retex: z.number().int(), contribution: z.number().int(), texte: z.number().int(), restitution: z.number().int(),
  }),
});
export type CatalogueSearchResult = z.infer<typeof CatalogueSearchResult>;
