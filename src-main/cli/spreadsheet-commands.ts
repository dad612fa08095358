/** The spreadsheet commands: fill-in template, attendance import (with its report), Bilan workbook. */
import type { ImportReport } from '../contract/schemas/spreadsheets.ts';
import { campaignId, requireFile, withCatalogue } from './commands.ts';

const out = (line: string) => process.stdout.write(`${line}\n`);

export function templateCommand(dbPath: string, outPath: string, o: { campagne?: string; academie?: string; departement?: string }): Promise<number> {
  requireFile(dbPath);
  return withCatalogue(dbPath, async (call) => {
    const result = await call('spreadsheets.attendanceTemplate', {
      campaignId: await campaignId(call, o.campagne),
      outputPath: outPath,
      ...(o.academie ? { academieCode: o.academie } : {}),
      ...(o.departement ? { departementCode: o.departement } : {}),
    });
    out(`Écrit : ${result.path} (${result.prefilledRows} rencontres pré-remplies)`);
    return 0;
  });
}

export function importCommand(dbPath: string, file: string, o: { campagne?: string; dryRun: boolean; accept: boolean }): Promise<number> {
  requireFile(dbPath);
  return withCatalogue(dbPath, async (call) => {
    const input = { campaignId: await campaignId(call, o.campagne), path: file, acceptPartial: o.accept };
    const report = o.dryRun ? await call('spreadsheets.previewImport', input) : await call('spreadsheets.importAttendance', input);
    out(formatReport(report, o.dryRun));
    return report.refused > 0 && !report.applied && !o.dryRun ? 1 : 0;
  });
}

export function exportBilanCommand(dbPath: string, outPath: string, o: { campagne?: string; scope?: string }): Promise<number> {
  requireFile(dbPath);
  return withCatalogue(dbPath, async (call) => {
    const result = await call('spreadsheets.exportBilan', {
      campaignId: await campaignId(call, o.campagne),
      outputPath: outPath,
      ...(o.scope ? { scope: o.scope } : {}),
    });
    out(`Écrit : ${result.path} (feuilles : ${result.sheets.join(', ')})`);
    return 0;
  });
}

export function formatReport(r: ImportReport, dryRun: boolean): string {
  const would = dryRun || !r.applied;
  const lines = [
    `${r.fileName}, feuille « ${r.sheetName} » : ${r.rowsRead} ligne${r.rowsRead > 1 ? 's' : ''} lue${r.rowsRead > 1 ? 's' : ''}.`,
    `  ${would ? 'À ajouter' : 'Ajoutées'} : ${r.added}   ${would ? 'À mettre à jour' : 'Mises à jour'} : ${r.updated}   Inchangées : ${r.unchanged}   Refusées : ${r.refused}`,
  ];
  // Which meeting each row adds or changes: the user checks the import touches what they meant.
  for (const row of r.rows.filter((x) => x.action === 'ajout' || x.action === 'mise-a-jour')) {
    const verb = row.action === 'ajout' ? (would ? 'ajouterait' : 'ajoute') : would ? 'mettrait à jour' : 'met à jour';
    lines.push(`  ligne ${row.row} : ${verb} « ${row.title} »${row.action === 'mise-a-jour' && row.meetingId !== null ? ` (référence ${row.meetingId})` : ''}`);
  }
  if (r.ignoredColumns.length > 0) {
    lines.push(`  Colonnes ignorées : ${r.ignoredColumns.map((c) => `« ${c.header} » (${c.column})`).join(', ')}`);
  }
  for (const p of r.problems) lines.push(`  ligne ${p.row}${p.column ? `, colonne ${p.column}` : ''}${p.field === 'ligne' ? '' : ` (${p.field})`} : ${p.message}`);
  if (r.rowsRead === 0) lines.push('La feuille ne contient aucune rencontre sous ses en-têtes : rien à importer.');
  else if (dryRun) lines.push('Aperçu seulement : rien n’a été écrit dans le catalogue.');
  else if (r.applied) lines.push('Import enregistré dans le catalogue.');
  else lines.push(`Rien n’a été écrit : ${r.refused} ligne${r.refused > 1 ? 's' : ''} refusée${r.refused > 1 ? 's' : ''}. Corrigez le fichier, ou relancez avec --accepter pour importer les lignes valides.`);
  return lines.join('\n');
}
