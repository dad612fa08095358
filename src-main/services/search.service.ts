/** « Rechercher » over the whole consultation: meetings, retex, contributions, the texts written in the app and the restitutions. */
import type { Catalogue } from '../catalogue/database.ts';
import { ftsQuery, searchWords } from '../catalogue/repos/list-sql.ts';
import { searchKind } from '../catalogue/repos/search.repo.ts';
import type { CatalogueSearchResult, SearchHit } from '../contract/schemas/search.ts';
import type { Handler } from './context.ts';
import { requireCampaign } from './ownership.ts';

const KINDS: SearchHit['kind'][] = ['meeting', 'retex', 'contribution', 'texte', 'restitution'];

export const searchHandlers: { 'search.catalogue': Handler<'search.catalogue'> } = {
  'search.catalogue': ({ campaignId, search, limit }, { db }) => searchCatalogue(db, campaignId, search, limit),
};

/** A search with no word to look for (blank, punctuation) finds nothing rather than everything. */
export function searchCatalogue(db: Catalogue, campaignId: number, search: string, limit: number): CatalogueSearchResult {
  requireCampaign(db, campaignId);
  const match = ftsQuery(search);
  const totals = { meeting: 0, retex: 0, contribution: 0, texte: 0, restitution: 0 };
  if (!match) return { hits: [], totals };
  const hits: SearchHit[] = [];
  for (const kind of KINDS) {
    const found = searchKind(db, kind, campaignId, { match, words: searchWords(search) }, limit);
    hits.push(...found.hits);
    totals[kind] = found.total;
  }
  return { hits, totals };
}
