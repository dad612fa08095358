/**
 * `nouveau`, `bundle-export`, `bundle-merge`, `conflits`, `resoudre`: catalogues that meet between
 * laptops, from the command line, over the same services as the « Échanges » screen.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../contract/errors.ts';
import type { MergeReport } from '../contract/schemas/exchange.ts';
import { requireFile, withCatalogue } from './commands.ts';

const out = (line: string) => process.stdout.write(`${line}\n`);

export async function newCatalogueCommand(
  dbPath: string,
  options: { region?: string; academie?: string; departement?: string; nom?: string },
): Promise<number> {
  if (!options.region) throw new AppError('INVALID_INPUT', 'Option --region manquante (ex. --region NAQ).');
  if (!options.nom) throw new AppError('INVALID_INPUT', 'Option --nom manquante (ex. --nom "DSDEN de la Vienne").');
  const existed = existsSync(dbPath);
  // An existing catalogue without an identity (made before identities existed) gets one, its data kept.
  return withCatalogue(
    dbPath,
    async (call) => {
      const identity = await call('identity.setup', {
        regionCode: options.region!.toUpperCase(), name: options.nom!,
        ...(options.academie ? { academieCode: options.academie } : {}),
        ...(options.departement ? { departementCode: options.departement } : {}),
      });
      out(`${existed ? 'Identité donnée au catalogue' : 'Catalogue créé'} : ${resolve(dbPath)}`);
      out(`  « ${identity.name} » — ${identity.scopeLabel}`);
      out(`  identité ${identity.uid}, clé de signature ${identity.fingerprint}`);
      return 0;
    },
    true,
  );
}

export async function bundleExportCommand(dbPath: string, outPath: string, scope?: string): Promise<number> {
  requireFile(dbPath);
  return withCatalogue(dbPath, async (call) => {
    const written = await call('exchange.export', { outPath: resolve(outPath), ...(scope ? { scope } : {}) });
    out(`Paquet écrit : ${written.path} (${written.bytes} octets, sha256 ${written.sha256.slice(0, 12)}…)`);
    out(`  ${Object.entries(written.counts).map(([k, n]) => `${k} ${n}`).join(', ')}`);
    return 0;
  });
}

export async function bundleMergeCommand(
  dbPath: string,
  bundle: string,
  options: { dryRun: boolean; json: boolean; acceptNewKey: boolean },
): Promise<number> {
  requireFile(dbPath);
  return withCatalogue(dbPath, async (call) => {
    const input = { path: resolve(bundle), acceptNewKey: options.acceptNewKey };
    const report = await call(options.dryRun ? 'exchange.preview' : 'exchange.merge', input);
    if (options.json) {
      out(JSON.stringify({
        added: report.added, updated: report.updated, unchanged: report.unchanged, deleted: report.deleted,
        conflicts: report.conflicts, source: report.source, dryRun: report.dryRun,
      }, null, 2));
    } else {
      out(formatReport(report));
    }
    return 0;
  });
}

function formatReport(r: MergeReport): string {
  const lines = [
    `${r.dryRun ? 'Aperçu (rien n’est écrit)' : 'Fusion faite'} : paquet de « ${r.source.name} » (${r.source.scopeLabel}), créé le ${r.source.createdAt.slice(0, 10)}`,
    `  ${r.added} ajouté(s), ${r.updated} mis à jour, ${r.deleted} supprimé(s), ${r.unchanged} inchangé(s), ${r.conflicts.length} conflit(s)`,
  ];
  for (const k of r.byKind) if (k.added + k.updated + k.deleted > 0) lines.push(`  ${k.label} : +${k.added} ~${k.updated} -${k.deleted}`);
  if (r.key === 'new') lines.push(`  Première réception de ce catalogue : sa clé de signature est désormais connue.`);
  if (r.key === 'changed') lines.push(`  Attention : la clé de signature de l’expéditeur a changé ; elle a été acceptée.`);
  for (const c of r.conflicts) lines.push(`  ! conflit ${c.id} — ${c.recordLabel} — ${c.fieldLabel} : ici « ${c.local} », reçu « ${c.incoming} »`);
  if (r.conflicts.length > 0) lines.push('  La valeur locale est gardée ; choisissez avec : resoudre --conflit ID --garder local|recu');
  return lines.join('\n');
}

export async function conflictsCommand(dbPath: string, json: boolean): Promise<number> {
  requireFile(dbPath);
  return withCatalogue(dbPath, async (call) => {
    const conflicts = await call('exchange.conflicts', {});
    if (json) out(JSON.stringify(conflicts, null, 2));
    else if (conflicts.length === 0) out('Aucun conflit à régler.');
    else {
      out(`${conflicts.length} conflit(s) à régler (la valeur locale est gardée en attendant) :`);
      for (const c of conflicts) out(`  ${c.id}  ${c.recordLabel} — ${c.fieldLabel} : ici « ${c.local} », reçu de ${c.peerName} « ${c.incoming} »`);
    }
    return 0;
  });
}

export async function resolveCommand(dbPath: string, id: number, keep: string | undefined): Promise<number> {
  requireFile(dbPath);
  if (keep !== 'local' && keep !== 'recu') throw new AppError('INVALID_INPUT', '--garder attend « local » ou « recu ».');
  return withCatalogue(dbPath, async (call) => {
    const { remaining } = await call('exchange.resolve', { id, keep });
    out(`Conflit ${id} réglé (${keep === 'local' ? 'valeur locale gardée' : 'valeur reçue prise'}). Reste${remaining > 1 ? 'nt' : ''} : ${remaining}.`);
    return 0;
  });
}
