/**
 * What one spreadsheet read may cost, counted as the file is inflated, before exceljs parses anything.
 * A 7.7 Ko sheet of 2 000 merged ranges, or 2 Mo inflating to 1 Go of empty rows, once held the process
 * for minutes: every count here is checked as it grows, and refuses in French naming the file and the
 * limit it crossed.
 *
 * The limits leave room for any région's real sheet (about 10 000 rows × 40 columns: 400 000 cells,
 * 20 to 40 Mo of XML once inflated; a sheet LibreOffice wrote down to its last row, 1 048 576) while
 * keeping the worst file within them under 10 s and 400 Mo on a 2-core machine: exceljs parses about
 * 200 000 filled cells a second there (4 s for 800 000), and keeps the shared strings in memory; empty
 * cells and rows are only scanned, never given to exceljs (see cell-guard.ts).
 */
import { AppError } from '../contract/errors.ts';

export interface ReadBudgets {
  /** Sum of the inflated parts exceljs reads (sheets, shared strings, styles, workbook). */
  inflatedBytes: number;
  sheets: number;
  /** <row> elements, empty ones included, over all sheets. */
  rows: number;
  /** <c> elements, empty formatted ones included, over all sheets. */
  cells: number;
  /** Cells holding a value (<v> or an inline string). */
  filledCells: number;
  mergedRanges: number;
  /** Entries of the shared strings table, all kept in memory by exceljs. */
  sharedStrings: number;
}

export const DEFAULT_BUDGETS: Readonly<ReadBudgets> = Object.freeze({
  inflatedBytes: 100 * 1024 * 1024,
  sheets: 1_000,
  rows: 1_100_000,
  cells: 3_000_000,
  filledCells: 800_000,
  mergedRanges: 100_000,
  sharedStrings: 1_000_000,
});

const number = (n: number) => n.toLocaleString('fr-FR');
const TRIM = 'gardez seulement la feuille des rencontres, ou répartissez-les dans plusieurs fichiers';

/** The running counts of one read, each refused as soon as it passes its limit. */
export class ReadBudget {
  private readonly used: Record<keyof ReadBudgets, number> = {
    inflatedBytes: 0, sheets: 0, rows: 0, cells: 0, filledCells: 0, mergedRanges: 0, sharedStrings: 0,
  };

  constructor(
    private readonly fileName: string,
    readonly limits: Readonly<ReadBudgets> = DEFAULT_BUDGETS,
  ) {}

  /** Adds `n` to a count; throws the French refusal when it goes over. */
  add(what: keyof ReadBudgets, n: number): void {
    this.used[what] += n;
    if (this.used[what] > this.limits[what]) throw this.refusal(what);
  }

  /** What the zip's own directory announces, checked before inflating anything. */
  announce(inflatedBytes: number): void {
    if (inflatedBytes > this.limits.inflatedBytes) throw this.refusal('inflatedBytes');
  }

  refusal(what: keyof ReadBudgets): AppError {
    const limit = this.limits[what];
    const file = `Le classeur « ${this.fileName} »`;
    const message = {
      inflatedBytes: `${file} ne peut pas être importé : décompressé, il dépasserait ${number(Math.round(limit / (1024 * 1024)))} Mo (feuille remplie par erreur, ou fichier fabriqué pour saturer l’application) : ${TRIM}.`,
      sheets: `${file} compte plus de ${number(limit)} feuilles : ${TRIM}.`,
      rows: `${file} compte plus de ${number(limit)} lignes : vérifiez qu’aucune mise en forme ni colonne n’a été recopiée jusqu’en bas de la feuille ; sinon, ${TRIM}.`,
      cells: `${file} compte plus de ${number(limit)} cellules (cases vides mises en forme comprises) : effacez la mise en forme des lignes et colonnes inutilisées ; sinon, ${TRIM}.`,
      filledCells: `${file} compte plus de ${number(limit)} cellules remplies : ${TRIM}.`,
      mergedRanges: `${file} compte plus de ${number(limit)} plages fusionnées : annulez les fusions (Fusionner et centrer) ; sinon, ${TRIM}.`,
      sharedStrings: `${file} compte plus de ${number(limit)} textes différents : ${TRIM}.`,
    }[what];
    return new AppError('FILE', message);
  }
}

/** Lets timers, I/O and the read's own timeout run: called every few thousand rows, cells or ranges. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
