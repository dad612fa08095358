/**
 * `import-contributions` (a sheet of contributions into a consultation) and `regrouper` (the
 * contributions of a thématique and kind that say the same thing, proposed as groups).
 */
import { queryContributions } from '../catalogue/repos/contribution.repo.ts';
import { CONTRIBUTION_KIND_LABELS, ContributionKind } from '../contract/domain.ts';
import { AppError } from '../contract/errors.ts';
import { type ContributionImportReport, importContributions } from '../grouping/contribution-import.ts';
import { parseNature } from '../grouping/contribution-rows.ts';
import { readContributionSheet } from '../grouping/contribution-sheet.ts';
import { groupContributions } from '../grouping/group.ts';
import { campaignId, requireFile, withCatalogue } from './commands.ts';

const out = (line: string) => process.stdout.write(`${line}\n`);
const plural = (n: number, word: string, words = `${word}s`) => `${n.toLocaleString('fr-FR')} ${n > 1 ? words : word}`;

export function importContributionsCommand(dbPath: string, file: string, o: { campagne?: string; dryRun: boolean }): Promise<number> {
  requireFile(dbPath);
  return withCatalogue(dbPath, async (call, db) => {
    const id = await campaignId(call, o.campagne);
    const sheet = await readContributionSheet(file);
    const report = importContributions(db, id, sheet, { dryRun: o.dryRun });
    out(formatContributionImport(report, o.dryRun));
    return report.problems.length > 0 ? 1 : 0;
  });
}

export function formatContributionImport(r: ContributionImportReport, dryRun: boolean): string {
  const lines = [
    `${r.fileName}, feuille « ${r.sheetName} » : ${plural(r.rowsRead, 'ligne lue', 'lignes lues')}.`,
    `  ${r.applied ? 'Ajoutées' : 'À ajouter'} : ${r.accepted.length}   Refusées : ${new Set(r.problems.map((p) => p.row)).size}`,
  ];
  if (r.ignoredColumns.length > 0) lines.push(`  Colonnes ignorées : ${r.ignoredColumns.map((c) => `« ${c.header} » (${c.column})`).join(', ')}`);
  for (const p of r.problems) lines.push(`  ligne ${p.row}${p.column ? `, colonne ${p.column}` : ''} (${p.field}) : ${p.message}`);
  if (r.rowsRead === 0) lines.push('La feuille ne contient aucune contribution sous ses en-têtes : rien à importer.');
  else if (r.problems.length > 0) lines.push(`Rien n’a été écrit : corrigez ${r.problems.length > 1 ? 'ces lignes' : 'cette ligne'}, puis importez le fichier à nouveau.`);
  else if (dryRun) lines.push('Aperçu seulement : rien n’a été écrit dans le catalogue.');
  else lines.push('Contributions enregistrées dans le catalogue (à retenir ensuite pour la synthèse).');
  return lines.join('\n');
}

export interface RegroupOptions {
  thematique: number;
  nature?: string;
  campagne?: string;
  json: boolean;
}

export function regroupCommand(dbPath: string, o: RegroupOptions): Promise<number> {
  requireFile(dbPath);
  return withCatalogue(dbPath, async (call, db) => {
    const id = await campaignId(call, o.campagne);
    const campaign = await call('campaigns.get', { id });
    const thematique = campaign.thematiques.find((t) => t.number === o.thematique);
    if (!thematique) {
      throw new AppError('NOT_FOUND', `Thématique ${o.thematique} inconnue (numéros : ${campaign.thematiques.map((t) => t.number).join(', ')}).`);
    }
    const kind = o.nature === undefined ? 'proposition' : parseNature(o.nature);
    if (kind === null || !ContributionKind.safeParse(kind).success) {
      throw new AppError('INVALID_INPUT', `--nature « ${o.nature} » inconnue : état des lieux, action, défi ou proposition.`);
    }
    const contributions = queryContributions(db, { campaignId: id, thematiqueId: thematique.id, kind });
    const textOf = new Map(contributions.map((c) => [c.id, c.text]));
    const { groups } = groupContributions(contributions.map((c) => ({ id: c.id, text: c.text })));
    if (o.json) {
      out(JSON.stringify({ groups: groups.map((g) => ({ wording: g.wording, contributions: g.members.map((m) => textOf.get(m)!) })) }));
      return 0;
    }
    const label = CONTRIBUTION_KIND_LABELS[kind].toLowerCase();
    out(`Thématique ${thematique.number} — ${thematique.title}`);
    out(`${plural(contributions.length, label)} : ${plural(groups.length, 'groupe')} (${plural(groups.filter((g) => g.members.length > 1).length, 'groupe', 'groupes')} de plusieurs contributions)`);
    groups.forEach((g, k) => {
      out(`\n${k + 1}. ${g.wording}${g.members.length > 1 ? `  [${g.members.length} contributions]` : ''}`);
      if (g.members.length > 1) for (const m of g.members) out(`   - ${textOf.get(m)!}`);
    });
    return 0;
  });
}
