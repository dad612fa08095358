/**
 * The fill-in sheet handed to départements: one row per meeting, drop-down lists drawn from the
 * catalogue, a frozen and protected header, instructions in French, the rows already known filled in.
 */
import ExcelJS from 'exceljs';
import { withFilterNames } from './filter-names.ts';
import { cleanForXml } from '../text/clean.ts';
import { CATEGORY_CODES, MEETING_LEVEL_LABELS, MEETING_LEVELS } from '../contract/domain.ts';
import type { Campaign } from '../contract/schemas/campaign.ts';
import type { Meeting } from '../contract/schemas/meeting.ts';
import { frenchDate } from '../text/french.ts';
import { ATTENDANCE_COLUMNS, type AttendanceColumnKey } from './attendance-columns.ts';
import { safeCell } from './safe-cell.ts';

export interface TemplateData {
  campaign: Campaign;
  scopeLabel: string;
  academies: { code: string; nom: string }[];
  departements: { code: string; nom: string }[];
  bassins: { nom: string; departementCode: string }[];
  meetings: Meeting[];
  /** Names for the pre-filled rows. */
  names: { academie: Map<string, string>; bassin: Map<number, string> };
  /** Fixed date written in the file's properties (the catalogue's last change), for reproducible files. */
  stamp: Date;
}

const BLANK_ROWS = 500;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE3E3FD' } };

export async function attendanceTemplate(data: TemplateData): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Synthèse régionale';
  workbook.created = data.stamp;
  workbook.modified = data.stamp;
  instructionsSheet(workbook, data);
  const lists = listsSheet(workbook, data);
  const sheet = workbook.addWorksheet('Rencontres', { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  sheet.columns = ATTENDANCE_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = HEADER_FILL;
  header.alignment = { wrapText: true, vertical: 'middle' };
  header.height = 32;
  for (const m of data.meetings) sheet.addRow(rowValues(m, data));
  const lastRow = data.meetings.length + 1 + BLANK_ROWS;
  unlockDataCells(sheet, data.meetings.length + 1, lastRow);
  addValidations(sheet, lists, data, lastRow);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ATTENDANCE_COLUMNS.length } };
  // The header is protected (no password: it guards against slips, not people).
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, autoFilter: true, sort: true, insertRows: true });
  return withFilterNames(Buffer.from(await workbook.xlsx.writeBuffer()), data.stamp);
}

function instructionsSheet(workbook: ExcelJS.Workbook, data: TemplateData): void {
  const sheet = workbook.addWorksheet('Instructions');
  sheet.getColumn(1).width = 110;
  const c = data.campaign;
  const lines: [string, boolean?][] = [
    [`${c.title} — relevé des rencontres`, true],
    [`Périmètre : ${data.scopeLabel}. Période de la consultation : du ${frenchDate(c.startDate)} au ${frenchDate(c.endDate)}.`],
    [''],
    ['Comment remplir', true],
    ['• Une ligne par rencontre, dans la feuille « Rencontres ». Les rencontres déjà connues sont pré-remplies : complétez-les ou corrigez-les.'],
    ['• Ne modifiez pas la colonne « Référence » : elle permet de mettre à jour la bonne rencontre. Laissez-la vide pour une nouvelle rencontre.'],
    ['• Niveau, académie, département, bassin et restitution se choisissent dans les listes déroulantes.'],
    ['• Date : au format 14/10/2020 (les formes « 14 oct. 2020 » et « 2020-10-14 » sont aussi comprises).'],
    ['• Thématiques : leurs numéros séparés par des virgules, par exemple « 1, 3 ».'],
    ['• Participants : un nombre entier par catégorie connue ; laissez vide une catégorie non comptée (vide n’est pas zéro).'],
    ['• Total déclaré : le nombre total de participants annoncé par la rencontre, même si le détail par catégorie manque.'],
    ['  Si les catégories dépassent le total déclaré, la ligne sera refusée à l’import.'],
    [''],
    ['Thématiques de la consultation', true],
    ...c.thematiques.map((t): [string] => [`${t.number}. ${t.title}`]),
    [''],
    ['Au retour', true],
    ['Le fichier est relu par Synthèse régionale : chaque problème est signalé par ligne et par colonne, et rien n’est enregistré'],
    ['tant que vous n’avez pas accepté ce qui peut l’être. Importer deux fois le même fichier n’ajoute rien.'],
  ];
  for (const [text, bold] of lines) {
    // Titles come from the catalogue: cleaned like every other cell.
    const row = sheet.addRow([cleanForXml(text)]);
    if (bold) row.font = { bold: true, size: 12, color: { argb: 'FF000091' } };
  }
}

/** Lists for the drop-downs, on a hidden sheet (a validation list cannot hold long lists inline). */
function listsSheet(workbook: ExcelJS.Workbook, data: TemplateData): Record<string, string> {
  const sheet = workbook.addWorksheet('Listes', { state: 'veryHidden' });
  const columns: Record<string, string[]> = {
    niveaux: MEETING_LEVELS.map((l) => MEETING_LEVEL_LABELS[l]),
    academies: data.academies.map((a) => a.nom),
    departements: data.departements.map((d) => `${d.code} - ${d.nom}`),
    bassins: data.bassins.map((b) => b.nom),
    restitution: ['oui', 'non'],
  };
  const ranges: Record<string, string> = {};
  Object.entries(columns).forEach(([name, values], index) => {
    const letter = String.fromCharCode(65 + index);
    sheet.getCell(`${letter}1`).value = name;
    values.forEach((v, i) => (sheet.getCell(`${letter}${i + 2}`).value = safeCell(v)));
    ranges[name] = `Listes!$${letter}$2:$${letter}$${Math.max(2, values.length + 1)}`;
  });
  return ranges;
}

function rowValues(m: Meeting, data: TemplateData): Record<string, unknown> {
  const values: Record<string, unknown> = {
    reference: m.id,
    academie: m.academieCode ? safeCell(data.names.academie.get(m.academieCode) ?? m.academieCode) : null,
    departement: m.departementCode ? safeCell(data.departements.find((d) => d.code === m.departementCode)?.nom ? `${m.departementCode} - ${data.departements.find((d) => d.code === m.departementCode)!.nom}` : m.departementCode) : null,
    niveau: MEETING_LEVEL_LABELS[m.level],
    bassin: m.bassinId !== null ? safeCell(data.names.bassin.get(m.bassinId) ?? '') : null,
    etablissement: m.etablissementUai,
    intitule: safeCell(m.title),
    date: new Date(`${m.date}T00:00:00Z`),
    lieu: safeCell(m.lieu),
    thematiques: m.thematiqueIds.map((id) => data.campaign.thematiques.find((t) => t.id === id)?.number).filter(Boolean).join(', '),
    total: m.declaredTotal,
    restitution: m.restitutionReceived ? 'oui' : 'non',
  };
  for (const code of CATEGORY_CODES) values[`categorie:${code}`] = m.attendance[code] ?? null;
  return values;
}

function unlockDataCells(sheet: ExcelJS.Worksheet, lastFilled: number, lastRow: number): void {
  const refColumn = ATTENDANCE_COLUMNS.findIndex((c) => c.key === 'reference') + 1;
  const dateColumn = ATTENDANCE_COLUMNS.findIndex((c) => c.key === 'date') + 1;
  for (let r = 2; r <= lastRow; r++) {
    const row = sheet.getRow(r);
    for (let col = 1; col <= ATTENDANCE_COLUMNS.length; col++) {
      // A pre-filled row's reference stays locked: it ties the row to its meeting.
      if (col === refColumn && r <= lastFilled) continue;
      const cell = row.getCell(col);
      cell.protection = { locked: false };
      // A cell given its own style no longer inherits the column's: the blank rows' dates need theirs.
      if (col === dateColumn) cell.numFmt = 'dd/mm/yyyy';
    }
  }
}

/** exceljs supports validations over a range, but its typings do not declare them. */
type ValidatedSheet = ExcelJS.Worksheet & { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } };

function addValidations(worksheet: ExcelJS.Worksheet, lists: Record<string, string>, data: TemplateData, lastRow: number): void {
  const sheet = worksheet as ValidatedSheet;
  const letter = (key: AttendanceColumnKey) => sheet.getColumn(key).letter;
  const range = (key: AttendanceColumnKey) => `${letter(key)}2:${letter(key)}${lastRow}`;
  const list = (key: AttendanceColumnKey, name: string, label: string) =>
    sheet.dataValidations.add(range(key), {
      type: 'list', allowBlank: true, formulae: [lists[name]], showErrorMessage: true, errorStyle: 'warning',
      errorTitle: label, error: `Choisissez une valeur de la liste (${label.toLowerCase()}).`,
    });
  list('niveau', 'niveaux', 'Niveau');
  list('academie', 'academies', 'Académie');
  list('departement', 'departements', 'Département');
  list('bassin', 'bassins', 'Bassin / réseau');
  list('restitution', 'restitution', 'Restitution reçue');
  const start = data.campaign.startDate.split('-').map(Number) as [number, number, number];
  const end = data.campaign.endDate.split('-').map(Number) as [number, number, number];
  sheet.dataValidations.add(range('date'), {
    type: 'date', operator: 'between', allowBlank: true, showErrorMessage: true, errorStyle: 'warning',
    formulae: [new Date(Date.UTC(...shift(start))), new Date(Date.UTC(...shift(end)))],
    errorTitle: 'Date', error: `Une date de la consultation est attendue (du ${frenchDate(data.campaign.startDate)} au ${frenchDate(data.campaign.endDate)}).`,
  });
  sheet.getColumn('date').numFmt = 'dd/mm/yyyy';
  for (const key of [...CATEGORY_CODES.map((c) => `categorie:${c}` as const), 'total' as const]) {
    sheet.dataValidations.add(range(key), {
      type: 'whole', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0], showErrorMessage: true,
      errorTitle: 'Participants', error: 'Un nombre entier positif ou nul est attendu (laissez vide si inconnu).',
    });
  }
}

function shift([y, m, d]: [number, number, number]): [number, number, number] {
  return [y, m - 1, d];
}
