/** Issue 4 end to end: template → filled → imported; LibreOffice sheets; bad sheets; the Bilan workbook. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { catalogueChecksum, demoCatalogue, type TestCatalogue } from '../support/catalogue.ts';

let demo: TestCatalogue & { campaignId: number };
let dir: string;
beforeEach(async () => {
  demo = await demoCatalogue();
  dir = mkdtempSync(join(tmpdir(), 'synthese-xlsx-'));
});

async function sheetOf(path: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.getWorksheet('Rencontres')!;
  const headers = (sheet.getRow(1).values as unknown[]).map(String);
  const col = (header: string) => headers.indexOf(header);
  return { workbook, sheet, col };
}

/** A CSV turned into .xlsx by LibreOffice: a sheet the developers never wrote themselves. */
function libreOfficeSheet(csv: string, name: string): string {
  const csvPath = join(dir, `${name}.csv`);
  writeFileSync(csvPath, csv, 'utf8');
  const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--infilter=CSV:59,34,76,1,,1036', '--convert-to', 'xlsx', '--outdir', dir, csvPath], { stdio: 'pipe', timeout: 120_000 });
  rmSync(profile, { recursive: true, force: true });
  const xlsx = join(dir, `${name}.xlsx`);
  if (!existsSync(xlsx)) throw new Error('LibreOffice n’a pas converti le CSV');
  return xlsx;
}

describe('the fill-in template, filled and imported back', () => {
  it('adds the new meeting, updates the corrected one, and adds nothing the second time', async () => {
    const { call, campaignId } = demo;
    const template = join(dir, 'vienne.xlsx');
    const made = await call('spreadsheets.attendanceTemplate', { campaignId, outputPath: template, departementCode: '86' });
    const vienne = (await call('meetings.list', { campaignId, departementCode: '86', limit: 500 })).items;
    expect(made.prefilledRows).toBe(vienne.length);
    const n = vienne.length;
    const { workbook, sheet, col } = await sheetOf(template);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Instructions', 'Listes', 'Rencontres']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // The departmental concertation: its total corrected.
    const departmental = sheet.getRows(2, made.prefilledRows)!.find((r) => r.getCell(col('Niveau')).value === 'Départemental')!;
    departmental.getCell(col('Total déclaré')).value = 95;
    // A new bassin meeting, typed the way people type.
    const bassin = String(sheet.getRow(2).getCell(col('Bassin / réseau')).value);
    const row = sheet.getRow(made.prefilledRows + 2);
    row.getCell(col('Département')).value = '86 - Vienne';
    row.getCell(col('Bassin / réseau')).value = bassin;
    row.getCell(col('Date')).value = '02/10/2020';
    row.getCell(col('Thématiques (numéros)')).value = '1, 3';
    row.getCell(col('Élèves')).value = '12';
    row.getCell(col('Enseignants')).value = 20;
    row.getCell(col('Total déclaré')).value = 40;
    row.getCell(col('Restitution reçue')).value = 'oui';
    const filled = join(dir, 'vienne-rempli.xlsx');
    await workbook.xlsx.writeFile(filled);

    const before = catalogueChecksum(demo.db);
    const preview = await call('spreadsheets.previewImport', { campaignId, path: filled });
    expect(catalogueChecksum(demo.db)).toBe(before); // a preview writes nothing
    expect(preview).toMatchObject({ added: 1, updated: 1, unchanged: n - 1, refused: 0, applied: false });
    const done = await call('spreadsheets.importAttendance', { campaignId, path: filled });
    expect(done).toMatchObject({ added: 1, updated: 1, unchanged: n - 1, refused: 0, applied: true });
    const bilan = await call('stats.bilan', { campaignId });
    expect(bilan.rows.find((r) => r.code === 'POITIERS')).toMatchObject({ bassinMeetings: 30, participants: 325 - 90 + 95 });
    const added = await call('meetings.get', { id: done.rows.find((r) => r.action === 'ajout')!.meetingId! });
    expect(added).toMatchObject({ level: 'bassin', date: '2020-10-02', declaredTotal: 40, attendance: { eleves: 12, enseignants: 20 }, restitutionReceived: true });

    const again = await call('spreadsheets.importAttendance', { campaignId, path: filled });
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: n + 1, applied: true });
  });
});

describe('sheets people made themselves, written by LibreOffice', () => {
  it('understands reordered headers, stripped accents, French dates and numbers typed as text', async () => {
    const { call, campaignId } = demo;
    const csv = [
      'Date de la rencontre;TOTAL;eleves;Enseignants;Departement;Niveau;Commentaire;Intitule',
      // The catalogue's title is "… de la Vienne — EGNT": a variant, it names that meeting and does not rename it.
      '14/10/2020;"90";"9";"31";86;departementale;RAS;Concertation départementale de la Vienne',
      '1er oct. 2020;25;" 5 ";12;Charente;bassin;;Rencontre du réseau',
    ].join('\n');
    const report = await call('spreadsheets.previewImport', { campaignId, path: libreOfficeSheet(csv, 'fait-main') });
    expect(report.ignoredColumns.map((c) => c.header)).toEqual(['Commentaire']);
    expect(report.updated).toBe(1); // the Vienne concertation, recognised by level, date and place
    expect(report.refused).toBe(1);
    expect(report.problems[0]).toMatchObject({ row: 3, message: expect.stringMatching(/bassin/) });
    const accepted = await call('spreadsheets.importAttendance', { campaignId, path: libreOfficeSheet(csv, 'fait-main-2'), acceptPartial: true });
    expect(accepted.applied).toBe(true);
    const [vienne] = (await call('meetings.list', { campaignId, departementCode: '86', level: 'departemental', limit: 500 })).items;
    expect(vienne).toMatchObject({ title: 'Concertation départementale de la Vienne — EGNT', declaredTotal: 90, attendance: { eleves: 9, enseignants: 31 } });
  });
});

describe('bad sheets are refused, row by row, and the catalogue is left exactly as it was', () => {
  it.each([
    ['unknown département', '14/10/2020;Atlantide;5;10', /département inconnu : « Atlantide »/],
    ['negative count', '14/10/2020;33;-3;10', /ne peut pas être négatif/],
    ['non-numeric count', '14/10/2020;33;douze;10', /douze/],
    ['date outside the campaign', '14/01/2021;33;5;10', /en dehors de la consultation/],
    ['categories over the total', '14/10/2020;33;50;10', /plus que le total déclaré \(10\)/],
  ])('%s', async (_case, line, message) => {
    const { call, campaignId, db } = demo;
    const before = catalogueChecksum(db);
    const path = libreOfficeSheet(`Date;Département;Élèves;Total déclaré\n${line}\n14/10/2020;24;3;70`, `mauvais-${Math.random().toString(36).slice(2)}`);
    const report = await call('spreadsheets.importAttendance', { campaignId, path });
    expect(report.applied).toBe(false);
    expect(report.refused).toBe(1);
    expect(report.problems[0]).toMatchObject({ row: 2, message: expect.stringMatching(message) });
    expect(report.problems[0]!.column).toMatch(/^[A-D]$/);
    expect(catalogueChecksum(db)).toBe(before);
  });

  it('reports a refused count once, without a second, false problem about the sum of what is left', async () => {
    const path = libreOfficeSheet('Date;Département;Élèves;Parents;Enseignants;Total déclaré\n14/10/2020;33;10;-4;15;21', 'negatif-somme');
    const report = await demo.call('spreadsheets.previewImport', { campaignId: demo.campaignId, path });
    expect(report.problems).toEqual([expect.objectContaining({ row: 2, column: 'D', message: expect.stringMatching(/ne peut pas être négatif/) })]);
  });

  it('refuses a duplicated row', async () => {
    const path = libreOfficeSheet('Date;Département;Total déclaré\n14/10/2020;33;150\n14/10/2020;33;151', 'double');
    const report = await demo.call('spreadsheets.previewImport', { campaignId: demo.campaignId, path });
    expect(report.problems).toEqual([expect.objectContaining({ row: 3, message: 'ligne en double : même rencontre que la ligne 2' })]);
  });

  it('refuses a truncated file with a French message, without hanging', async () => {
    const good = join(dir, 'modele.xlsx');
    await demo.call('spreadsheets.attendanceTemplate', { campaignId: demo.campaignId, outputPath: good });
    const bytes = readFileSync(good);
    const truncated = join(dir, 'tronque.xlsx');
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const before = catalogueChecksum(demo.db);
    await expect(demo.call('spreadsheets.importAttendance', { campaignId: demo.campaignId, path: truncated })).rejects.toThrow(/tronque\.xlsx/);
    expect(catalogueChecksum(demo.db)).toBe(before);
  }, 30_000);
});

describe('the Bilan workbook', () => {
  it('opens in LibreOffice with the totals right, live formulas, and texts that cannot run as formulas', async () => {
    const { call, campaignId } = demo;
    const [first] = (await call('meetings.list', { campaignId, departementCode: '33', level: 'departemental', limit: 500 })).items;
    await call('meetings.update', { id: first!.id, title: '=HYPERLINK("http://exemple.invalid","clic")', lieu: '@SUM(1+1)' });
    const outputPath = join(dir, 'bilan.xlsx');
    const result = await call('spreadsheets.exportBilan', { campaignId, outputPath });
    expect(result.sheets).toEqual([
      'Bilan par académie', 'Bilan par département', 'Bilan par niveau', 'Bilan par catégorie',
      'Rencontres', 'Ateliers', 'Retex', 'Contributions', 'Thématiques', 'Bassins', 'Établissements',
    ]);
    // Live formulas in the total row.
    const zip = await JSZip.loadAsync(readFileSync(outputPath));
    expect(await zip.file('xl/worksheets/sheet1.xml')!.async('string')).toMatch(/<f>SUM\(E2:E4\)<\/f>/);
    // LibreOffice reads every sheet and computes the same totals.
    const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
    const csvDir = mkdtempSync(join(tmpdir(), 'bilan-csv-'));
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false,false,false,-1', '--outdir', csvDir, outputPath], { stdio: 'pipe', timeout: 120_000 });
    rmSync(profile, { recursive: true, force: true });
    const files = readdirSync(csvDir);
    const academies = readFileSync(join(csvDir, files.find((f) => f.includes('Bilan par acad'))!), 'utf8');
    expect(academies.trim().split('\n').at(-1)).toMatch(/^Total;67;10;9;800;0;0$/);
    const rencontres = readFileSync(join(csvDir, files.find((f) => f.includes('Rencontres'))!), 'utf8');
    expect(rencontres).toContain(`'=HYPERLINK(""http://exemple.invalid"",""clic"")`);
    expect(rencontres).toContain("'@SUM(1+1)");
    expect(rencontres).not.toContain(';clic;');
  });

  it('gives the same catalogue the same bytes, whenever it is written (every part dated by the last change)', async () => {
    const written: Buffer[] = [];
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      for (const at of ['2020-11-02T09:00:00Z', '2021-03-15T17:31:07Z']) {
        vi.setSystemTime(new Date(at));
        const outputPath = join(dir, `bilan-${written.length}.xlsx`);
        await demo.call('spreadsheets.exportBilan', { campaignId: demo.campaignId, outputPath });
        written.push(readFileSync(outputPath));
      }
    } finally {
      vi.useRealTimers();
    }
    expect(written[1]!.equals(written[0]!)).toBe(true);
  });

  it('keeps its filters when LibreOffice saves it again', async () => {
    const outputPath = join(dir, 'bilan-filtres.xlsx');
    await demo.call('spreadsheets.exportBilan', { campaignId: demo.campaignId, outputPath });
    const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
    const saved = mkdtempSync(join(tmpdir(), 'bilan-resave-'));
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'xlsx', '--outdir', saved, outputPath], { stdio: 'pipe', timeout: 120_000 });
    rmSync(profile, { recursive: true, force: true });
    const zip = await JSZip.loadAsync(readFileSync(join(saved, 'bilan-filtres.xlsx')));
    const sheets = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    expect(sheets).toHaveLength(11);
    for (const name of sheets) expect(await zip.file(name)!.async('string'), name).toMatch(/<autoFilter ref="A1:/);
  }, 60_000);
});

describe('an import never touches a meeting the row does not name', () => {
  it('keeps two ateliers of one bassin on one day apart, refuses a reference from elsewhere, and categories over a lowered total', async () => {
    const { call, campaignId, db } = demo;
    const [civray] = (await call('meetings.list', { campaignId, departementCode: '86', level: 'bassin', search: 'Civray', limit: 500 })).items;
    const bassin = (await call('bassins.list', { departementCode: '86' })).find((b) => b.id === civray!.bassinId)!;
    const day = civray!.date.split('-').reverse().join('/');
    const two = libreOfficeSheet(
      `Niveau;Département;Bassin / réseau;Intitulé;Date;Total déclaré\nbassin;86;${bassin.nom};Atelier parents;${day};12\nbassin;86;${bassin.nom};Atelier enseignants;${day};9`,
      'deux-ateliers',
    );
    // The same atelier typed twice (case, accents, spaces aside) is one meeting named twice: the second refused.
    const twice = libreOfficeSheet(
      `Niveau;Département;Bassin / réseau;Intitulé;Date;Total déclaré\nbassin;86;${bassin.nom};Atelier élèves;${day};12\nbassin;86;${bassin.nom};ATELIER  ELEVES;${day};13\nbassin;86;${bassin.nom};Atelier parents;${day};9\nbassin;86;${bassin.nom};ATELIER Parents;${day};8`,
      'atelier-deux-fois',
    );
    const previewed = await call('spreadsheets.previewImport', { campaignId, path: twice });
    expect(previewed.problems).toEqual([
      expect.objectContaining({ row: 3, message: 'ligne en double : même rencontre que la ligne 2' }),
      expect.objectContaining({ row: 5, message: 'ligne en double : même rencontre que la ligne 4' }),
    ]);
    expect(previewed).toMatchObject({ added: 2, refused: 2 });
    const added = await call('spreadsheets.importAttendance', { campaignId, path: two });
    expect(added.problems).toEqual([]);
    expect(added).toMatchObject({ added: 2, updated: 0, refused: 0 });
    expect((await call('meetings.get', { id: civray!.id })).title).toBe(civray!.title);

    const [gironde] = (await call('meetings.list', { campaignId, departementCode: '33', level: 'departemental', limit: 500 })).items;
    const before = catalogueChecksum(db);
    const elsewhere = libreOfficeSheet(`Référence;Niveau;Département;Date;Total déclaré\n${gironde!.id};départemental;86;14/10/2020;12`, 'reference-ailleurs');
    const refused = await call('spreadsheets.importAttendance', { campaignId, path: elsewhere });
    expect(refused.problems[0]!.message).toMatch(/désigne « Concertation départementale de la Gironde/);
    expect(catalogueChecksum(db)).toBe(before);

    const lowered = libreOfficeSheet(`Référence;Date;Total déclaré\n${gironde!.id};14/10/2020;10`, 'total-abaisse');
    const over = await call('spreadsheets.importAttendance', { campaignId, path: lowered });
    expect(over.problems[0]!.message).toMatch(/dépasseraient le total déclaré \(10\)/);
    expect(catalogueChecksum(db)).toBe(before);
  });
});

describe('an import never overwrites what the file does not say (sheets a reviewer made)', () => {
  it('reads a "N°" column as line numbers, not as references to other meetings', async () => {
    const { call, campaignId, db } = demo;
    const before = catalogueChecksum(db);
    const [first] = (await call('meetings.list', { campaignId, departementCode: '33', level: 'bassin', limit: 500 })).items;
    const path = libreOfficeSheet(`N°;Date;Département;Niveau;Intitulé;Total\n${first!.id};13/10/2020;33;départemental;Réunion DSDEN;40`, 'numeros');
    const report = await call('spreadsheets.previewImport', { campaignId, path });
    expect(report.ignoredColumns).toEqual([{ header: 'N°', column: 'A' }]);
    expect(report).toMatchObject({ added: 1, updated: 0 });
    expect(catalogueChecksum(db)).toBe(before);
  });

  it('refuses a reference whose meeting is of another level', async () => {
    const { call, campaignId, db } = demo;
    const [zap] = (await call('meetings.list', { campaignId, departementCode: '33', level: 'bassin', limit: 500 })).items;
    const before = catalogueChecksum(db);
    const path = libreOfficeSheet(`Référence;Date;Département;Niveau;Total\n${zap!.id};13/10/2020;33;départemental;40`, 'niveau-change');
    const report = await call('spreadsheets.importAttendance', { campaignId, path });
    expect(report.problems[0]!.message).toMatch(new RegExp(`la référence ${zap!.id} désigne « ${zap!.title} », une rencontre de bassin, et la ligne dit « Départemental »`));
    expect(catalogueChecksum(db)).toBe(before);
  });

  it('keeps the categories a correcting row leaves blank', async () => {
    const { call, campaignId } = demo;
    const [meeting] = ((await call('meetings.list', { campaignId, level: 'departemental', limit: 500 })).items).filter((m) => Object.keys(m.attendance).length > 3 && (m.attendance.eleves ?? 0) > 0);
    const eleves = meeting!.attendance.eleves! - 1;
    const path = libreOfficeSheet(`Référence;Élèves;Date\n${meeting!.id};${eleves};${meeting!.date.split('-').reverse().join('/')}`, 'correction-eleves');
    const report = await call('spreadsheets.importAttendance', { campaignId, path });
    expect(report).toMatchObject({ updated: 1, refused: 0, applied: true });
    const after = await call('meetings.get', { id: meeting!.id });
    expect(after.attendance).toEqual({ ...meeting!.attendance, eleves });
  });

  it('clears a category the user emptied in a column the sheet has (people moved to another category)', async () => {
    const { call, campaignId } = demo;
    const [meeting] = ((await call('meetings.list', { campaignId, level: 'departemental', limit: 500 })).items).filter((m) => (m.attendance.autres_personnels ?? 0) > 0);
    const moved = meeting!.attendance.autres_personnels!;
    const day = meeting!.date.split('-').reverse().join('/');
    const path = libreOfficeSheet(`Référence;Date;Autres personnels;Associations\n${meeting!.id};${day};;${(meeting!.attendance.associations ?? 0) + moved}`, 'categorie-videe');
    const report = await call('spreadsheets.importAttendance', { campaignId, path });
    expect(report).toMatchObject({ updated: 1, refused: 0, applied: true });
    const { autres_personnels: _gone, ...rest } = meeting!.attendance;
    expect((await call('meetings.get', { id: meeting!.id })).attendance).toEqual({ ...rest, associations: (meeting!.attendance.associations ?? 0) + moved });
  });

  it('refuses two rows that name one meeting, the same way at every import', async () => {
    const { call, campaignId, db } = demo;
    const csv = 'Date;Département;Niveau;Intitulé;Total\n13/10/2020;33;départemental;Concertation A;30\n13/10/2020;33;départemental;Concertation B;35';
    for (const attempt of [1, 2]) {
      const before = catalogueChecksum(db);
      const report = await call('spreadsheets.importAttendance', { campaignId, path: libreOfficeSheet(csv, `deux-concertations-${attempt}`) });
      expect(report.rows.map((r) => r.action)).toEqual([attempt === 1 ? 'ajout' : 'inchangee', 'refusee']);
      expect(report.problems).toEqual([expect.objectContaining({ row: 3, message: expect.stringMatching(/^ligne en double : elle désigne la même rencontre que la ligne 2, « Concertation A » \(une seule concertation départementale par jour/) })]);
      expect(catalogueChecksum(db)).toBe(before);
      if (attempt === 1) await call('spreadsheets.importAttendance', { campaignId, path: libreOfficeSheet(csv, 'deux-concertations-ok'), acceptPartial: true });
    }
    const [gironde] = (await call('meetings.list', { campaignId, departementCode: '33', level: 'departemental', search: 'Concertation A', limit: 500 })).items;
    expect(gironde!.declaredTotal).toBe(30);
  });

  it('reports a title, a place or a restitution it cannot read, with the other problems', async () => {
    const { call, campaignId } = demo;
    const path = libreOfficeSheet(`Date;Département;Intitulé;Restitution reçue;Total\n14/10/2020;33;${'x'.repeat(400)};peut-être;20`, 'champs-illisibles');
    const report = await call('spreadsheets.previewImport', { campaignId, path });
    expect(report.refused).toBe(1);
    expect(report.problems.map((p) => p.column).sort()).toEqual(['C', 'D']);
  });
});

describe('where a spreadsheet may be written', () => {
  it('never over the open catalogue, and only as .xlsx, relative paths under the documents folder', async () => {
    const cataloguePath = join(dir, 'catalogue.sqlite');
    const { openCatalogue } = await import('../../src-main/catalogue/database.ts');
    const { localCaller } = await import('../../src-main/transport/local.ts');
    const db = openCatalogue(cataloguePath, { create: true });
    const call = localCaller({ db, now: () => new Date(), cataloguePath, documentsDir: join(dir, 'Documents') });
    const { id: campaignId } = await call('campaigns.installPreset', { slug: 'egn-2020' });
    await call('settings.update', { regionCode: 'NAQ' });
    await expect(call('spreadsheets.exportBilan', { campaignId, outputPath: cataloguePath }))
      .rejects.toThrow('Le fichier à écrire doit se terminer par .xlsx : « catalogue.sqlite ».');
    await expect(call('spreadsheets.attendanceTemplate', { campaignId, outputPath: `${cataloguePath}-wal` }))
      .rejects.toThrow(/doit se terminer par \.xlsx/);
    const written = await call('spreadsheets.exportBilan', { campaignId, outputPath: 'bilan.xlsx' });
    expect(written.path).toBe(join(dir, 'Documents', 'bilan.xlsx'));
    expect(existsSync(written.path)).toBe(true);
    db.close();
  });
});

describe('an import never guesses which meeting a row means (second review)', () => {
  it('refuses a reference whose meeting is in another académie', async () => {
    const { call, campaignId, db } = demo;
    const [limoges] = (await call('meetings.list', { campaignId, academieCode: 'LIMOGES', level: 'academique', limit: 500 })).items;
    const before = catalogueChecksum(db);
    const path = libreOfficeSheet(`Référence;Académie;Niveau;Date;Total déclaré\n${limoges!.id};Poitiers;Académique;14/10/2020;120`, 'ref-autre-academie');
    const report = await call('spreadsheets.importAttendance', { campaignId, path });
    expect(report.problems[0]).toMatchObject({ column: 'A', field: 'Référence', message: expect.stringMatching(/qui n’est pas au lieu indiqué/) });
    expect(catalogueChecksum(db)).toBe(before);
  });

  it('says where a row with a level and no place should say it', async () => {
    const report = await demo.call('spreadsheets.previewImport', { campaignId: demo.campaignId, path: libreOfficeSheet('Niveau;Date;Lieu;Total\nDépartemental;14/10/2020;Niort;70', 'sans-lieu') });
    expect(report.problems).toEqual([expect.objectContaining({ row: 2, message: expect.stringMatching(/^lieu manquant : indiquez le département/) })]);
  });

  it('does not rename another département’s concertation on a mistyped code', async () => {
    const { call, campaignId, db } = demo;
    const before = catalogueChecksum(db);
    const path = libreOfficeSheet('Niveau;Département;Intitulé;Date;Total\nDépartemental;79;Concertation départementale de la Vienne;14/10/2020;90', 'faute-departement');
    const report = await call('spreadsheets.importAttendance', { campaignId, path });
    expect(report.problems[0]!.message).toMatch(/^le catalogue a déjà, ce jour-là à cet endroit, « Concertation départementale des Deux-Sèvres.* vérifiez le département/);
    expect(catalogueChecksum(db)).toBe(before);
  });

  it('refuses a row that names, without its reference, a meeting another row names by reference', async () => {
    const { call, campaignId } = demo;
    const [zap] = (await call('meetings.list', { campaignId, departementCode: '86', level: 'bassin', limit: 500 })).items;
    const bassin = (await call('bassins.list', { departementCode: '86' })).find((b) => b.id === zap!.bassinId)!;
    const day = zap!.date.split('-').reverse().join('/');
    const csv = `Référence;Niveau;Département;Bassin / réseau;Intitulé;Date;Total déclaré\n${zap!.id};bassin;86;${bassin.nom};${zap!.title};${day};30\n;bassin;86;${bassin.nom};${zap!.title};${day};45`;
    const report = await call('spreadsheets.previewImport', { campaignId, path: libreOfficeSheet(csv, 'ref-et-sans-ref') });
    expect(report.problems).toEqual([expect.objectContaining({ row: 3, message: expect.stringMatching(/^ligne en double : elle désigne la même rencontre que la ligne 2/) })]);
  });

  it('refuses text damaged by a wrong encoding', async () => {
    const report = await demo.call('spreadsheets.previewImport', { campaignId: demo.campaignId, path: libreOfficeSheet('Date;Département;Intitulé;Total\n14/10/2020;33;Atelier \uFFFDducation;20', 'encodage') });
    expect(report.problems[0]).toMatchObject({ column: 'C', message: expect.stringMatching(/caractères illisibles/) });
  });

  it('takes the column headed as in the template over one that only matches an alias', async () => {
    const csv = 'Date;Département;Participants;Parents;Total déclaré\n14/10/2020;33;12;5;40';
    const report = await demo.call('spreadsheets.previewImport', { campaignId: demo.campaignId, path: libreOfficeSheet(csv, 'deux-en-tetes') });
    expect(report.ignoredColumns).toEqual([{ header: 'Participants', column: 'C' }]);
  });
});
