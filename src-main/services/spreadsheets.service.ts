/** The spreadsheet operations: fill-in template, attendance import, Bilan workbook. */

import { createHash } from 'node:crypto';
import type { Catalogue } from '../catalogue/database.ts';
import { lastChange, logDocument } from '../catalogue/repos/document.repo.ts';
import { getCampaign } from '../catalogue/repos/campaign.repo.ts';
import { queryMeetings } from '../catalogue/repos/meeting.repo.ts';
import { academieNames, departementNames, listBassins } from '../catalogue/repos/territory.repo.ts';
import { attendanceTemplate } from '../spreadsheets/attendance-template.xlsx.ts';
import { tablesWorkbook } from '../spreadsheets/bilan-workbook.xlsx.ts';
import { MAX_FILE_BYTES } from '../spreadsheets/read-sheet.ts';
import { importAttendance } from './attendance-import.ts';
import { bilanSheets } from './bilan-export.ts';
import type { HandlerGroup } from './context.ts';
import { readGivenFile } from './input-files.ts';
import { makeDir, outputFile, writeAtomically } from './output-files.ts';
import { found } from './require.ts';
import { resolveScope } from './scope.ts';
import { basename, dirname } from 'node:path';
import { academieLabel } from '../contract/domain.ts';
import { frenchNumber } from '../text/french.ts';

export const spreadsheetHandlers: HandlerGroup<'spreadsheets'> = {
  'spreadsheets.attendanceTemplate': async ({ campaignId, outputPath, academieCode, departementCode }, ctx) => {
    const { db, now } = ctx;
    const path = outputFile(ctx, outputPath, '.xlsx');
    const campaign = found(getCampaign(db, campaignId), 'Consultation');
    const scope = resolveScope(db, departementCode ? `departement:${departementCode}` : academieCode ? `academie:${academieCode}` : 'region');
    const place = scope.kind === 'region' ? { regionCode: scope.code } : scope.kind === 'academie' ? { academieCode: scope.code } : { departementCode: scope.code };
    // A département's sheet offers its own académie only.
    const academies = academieNames(db, scope.regionCode).filter(
      (a) => scope.kind === 'region' || a.code === (scope.kind === 'academie' ? scope.code : scope.academieCode),
    );
    const departements = departementNames(db, {
      regionCode: scope.regionCode,
      academieCode: scope.academieCode ?? (scope.kind === 'academie' ? scope.code : null),
      departementCode: scope.kind === 'departement' ? scope.code : null,
    });
    const bassins = listBassins(db, scope.kind === 'departement' ? { departementCode: scope.code } : scope.academieCode || scope.kind === 'academie' ? { academieCode: scope.academieCode ?? scope.code } : {})
      .filter((b) => departements.some((d) => d.code === b.departementCode));
    const meetings = queryMeetings(db, { campaignId, ...place });
    const bytes = await attendanceTemplate({
      campaign,
      scopeLabel: scope.kind === 'region' ? `région académique ${scope.name}` : scope.kind === 'academie' ? academieLabel(scope.name) : `${scope.name} (${scope.code})`,
      academies, departements, bassins: bassins.map((b) => ({ nom: b.nom, departementCode: b.departementCode })), meetings,
      names: { academie: new Map(academies.map((a) => [a.code, a.nom])), bassin: new Map(bassins.map((b) => [b.id, b.nom])) },
      stamp: lastChange(db),
    });
    makeDir(dirname(path));
    writeAtomically(path, bytes);
    return { path, prefilledRows: meetings.length, document: logSpreadsheet(db, now(), campaignId, scope.kind === 'region' ? 'region' : `${scope.kind}:${scope.code}`, path, bytes) };
  },
  'spreadsheets.previewImport': (input, ctx) =>
    importAttendance(ctx, input.campaignId, source(input), { write: false, acceptPartial: input.acceptPartial }),
  'spreadsheets.importAttendance': (input, ctx) =>
    importAttendance(ctx, input.campaignId, source(input), { write: true, acceptPartial: input.acceptPartial }),
  'spreadsheets.exportBilan': async ({ campaignId, outputPath, scope }, ctx) => {
    const { db, now } = ctx;
    const path = outputFile(ctx, outputPath, '.xlsx');
    const campaign = found(getCampaign(db, campaignId), 'Consultation');
    const sheets = bilanSheets(db, campaign, scope);
    makeDir(dirname(path));
    // Each report is also where « Annuler » stops the export: before any file is written.
    const bytes = await tablesWorkbook(sheets, lastChange(db), (written, sheet) =>
      ctx.onProgress?.({ operation: 'spreadsheets.exportBilan', done: written, total: 0, message: `${frenchNumber(written)} lignes écrites (feuille « ${sheet} »)` }));
    writeAtomically(path, bytes);
    return { path, sheets: sheets.map((s) => s.name), document: logSpreadsheet(db, now(), campaignId, scope, path, bytes) };
  },
};

/** Every file the app writes is in the history, and can be fetched again by its id. */
function logSpreadsheet(db: Catalogue, now: Date, campaignId: number, scope: string, path: string, bytes: Buffer) {
  return logDocument(db, {
    campaignId, trameId: null, scope, thematiqueNumber: null, fileName: basename(path), path,
    sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length, generatedAt: now.toISOString(),
  });
}

/** A path is read by the streaming reader itself; a browser's upload is decoded here. */
function source(input: { path?: string; fileName?: string; contentBase64?: string }) {
  return input.path !== undefined ? { path: input.path } : readGivenFile(input, MAX_FILE_BYTES);
}

