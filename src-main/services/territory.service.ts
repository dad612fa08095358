import { inTransaction } from '../catalogue/database.ts';
import * as repo from '../catalogue/repos/territory.repo.ts';
import { conflict } from '../contract/errors.ts';
import type { Catalogue } from '../catalogue/database.ts';
import type { HandlerGroup } from './context.ts';
import { deleted, found } from './require.ts';

export function requireDepartement(db: Catalogue, code: string): string {
  const academie = repo.academieOfDepartement(db, code);
  if (!academie) throw conflict(`Département inconnu : « ${code} ».`);
  return academie;
}

export const territoryHandlers: HandlerGroup<'territory'> = {
  'territory.tree': (_input, { db }) => repo.territoryTree(db),
};

export const bassinHandlers: HandlerGroup<'bassins'> = {
  'bassins.list': (filter, { db }) => repo.listBassins(db, filter),
  'bassins.create': (input, { db }) =>
    inTransaction(db, () => {
      requireDepartement(db, input.departementCode);
      if (repo.listBassins(db, { departementCode: input.departementCode }).some((b) => b.nom.toLowerCase() === input.nom.toLowerCase())) {
        throw conflict(`Le bassin « ${input.nom} » existe déjà dans le département ${input.departementCode}.`);
      }
      return repo.getBassin(db, repo.insertBassin(db, input))!;
    }),
  'bassins.update': ({ id, ...patch }, { db }) =>
    inTransaction(db, () => {
      const current = found(repo.getBassin(db, id), 'Bassin');
      const next = { ...current, ...patch };
      requireDepartement(db, next.departementCode);
      if (next.departementCode !== current.departementCode) refuseMove(db, { bassinId: id }, `le bassin « ${current.nom} »`);
      repo.updateBassin(db, next);
      return repo.getBassin(db, id)!;
    }),
  'bassins.delete': ({ id }, { db }) => deleted(repo.deleteBassin(db, id), 'Bassin'),
};

export const etablissementHandlers: HandlerGroup<'etablissements'> = {
  'etablissements.list': (filter, { db }) => repo.pageEtablissements(db, filter),
  'etablissements.get': ({ uai }, { db }) => found(repo.getEtablissement(db, uai), `Établissement ${uai}`),
  'etablissements.create': (input, { db }) =>
    inTransaction(db, () => {
      if (repo.getEtablissement(db, input.uai)) throw conflict(`L’établissement ${input.uai} existe déjà.`);
      checkPlace(db, input.departementCode, input.bassinId);
      repo.upsertEtablissement(db, input);
      return repo.getEtablissement(db, input.uai)!;
    }),
  'etablissements.update': ({ uai, ...patch }, { db }) =>
    inTransaction(db, () => {
      const current = found(repo.getEtablissement(db, uai), `Établissement ${uai}`);
      const next = { ...current, ...patch };
      checkPlace(db, next.departementCode, next.bassinId);
      if (next.departementCode !== current.departementCode || next.bassinId !== current.bassinId) {
        refuseMove(db, { uai }, `l’établissement ${uai}`);
      }
      repo.upsertEtablissement(db, next);
      return repo.getEtablissement(db, uai)!;
    }),
  'etablissements.delete': ({ uai }, { db }) => deleted(repo.deleteEtablissement(db, uai), `Établissement ${uai}`),
};

function refuseMove(db: Catalogue, place: { bassinId?: number; uai?: string }, what: string): void {
  const used = repo.placeUsage(db, place);
  if (used > 0) {
    throw conflict(`Impossible de déplacer ${what} : ${used} rencontre(s) ou établissement(s) y sont rattachés. Déplacez-les d’abord.`);
  }
}

function checkPlace(db: Catalogue, departementCode: string, bassinId: number | null): void {
  requireDepartement(db, departementCode);
  if (bassinId !== null) {
    const bassin = found(repo.getBassin(db, bassinId), 'Bassin');
    if (bassin.departementCode !== departementCode) {
      throw conflict(`Le bassin « ${bassin.nom} » n’est pas dans le département ${departementCode}.`);
    }
  }
}
