/**
 * The native open/save dialogs the page may ask for, by kind: the page names a kind from this fixed
 * list, never a path, a title or a filter; the main process shows the kind's dialog and answers the
 * chosen path, or null. Pure data and functions: main.ts hands them to Electron's `dialog`.
 */
export type PickMode = 'open' | 'save' | 'folder';

export interface FileFilter {
  name: string;
  extensions: string[];
}

interface PickKindSpec {
  mode: PickMode;
  title: string;
  buttonLabel: string;
  filters: FileFilter[];
  /** A save dialog's suggested file name. */
  defaultName?: string;
}

const CATALOGUE: FileFilter = { name: 'Catalogue Synthèse régionale', extensions: ['sqlite'] };
const BUNDLE: FileFilter = { name: 'Paquet Synthèse régionale', extensions: ['synthese'] };
const WORKBOOK: FileFilter = { name: 'Classeur Excel', extensions: ['xlsx'] };
const WORD: FileFilter = { name: 'Document Word', extensions: ['docx'] };

export const PICK_KINDS = {
  /** Another catalogue (menu « Ouvrir un autre catalogue… »). */
  catalogue: { mode: 'open', title: 'Ouvrir un catalogue', buttonLabel: 'Ouvrir', filters: [CATALOGUE] },
  /** A received bundle, previewed before any merge. */
  bundle: { mode: 'open', title: 'Choisir un paquet reçu', buttonLabel: 'Choisir', filters: [BUNDLE] },
  /** Where a bundle to send is written. */
  'bundle-save': { mode: 'save', title: 'Enregistrer le paquet à envoyer', buttonLabel: 'Enregistrer', filters: [BUNDLE], defaultName: 'paquet.synthese' },
  /** A filled-in attendance sheet to import (the import reads .xlsx). */
  sheet: { mode: 'open', title: 'Choisir le tableau des rencontres', buttonLabel: 'Choisir', filters: [WORKBOOK] },
  /** Where a workbook is written: the sheet to fill in, the Bilan. */
  'sheet-save': { mode: 'save', title: 'Enregistrer le classeur', buttonLabel: 'Enregistrer', filters: [WORKBOOK], defaultName: 'classeur.xlsx' },
  /** A rectorat's Word document, imported as a style template. */
  'style-template': { mode: 'open', title: 'Choisir le document Word du rectorat', buttonLabel: 'Choisir', filters: [WORD] },
  /** A folder: where syntheses are written, the shared folder. */
  folder: { mode: 'folder', title: 'Choisir un dossier', buttonLabel: 'Choisir ce dossier', filters: [] },
} as const satisfies Record<string, PickKindSpec>;

export type PickKind = keyof typeof PICK_KINDS;

export const PICK_KIND_NAMES = Object.keys(PICK_KINDS) as PickKind[];

export function isPickKind(value: unknown): value is PickKind {
  return typeof value === 'string' && Object.hasOwn(PICK_KINDS, value);
}

interface DialogCommon {
  title: string;
  buttonLabel: string;
  defaultPath: string;
  filters?: FileFilter[];
}

/** What Electron's dialog takes (SaveDialogOptions or OpenDialogOptions, the fields used here). */
export type DialogRequest =
  | { save: true; options: DialogCommon & { properties: ('createDirectory' | 'showOverwriteConfirmation')[] } }
  | { save: false; options: DialogCommon & { properties: ('openFile' | 'openDirectory' | 'createDirectory')[] } };

/** The dialog of a kind, opening in `startFolder` (the user's documents). */
export function dialogFor(kind: PickKind, startFolder: string, join: (...parts: string[]) => string): DialogRequest {
  const spec: PickKindSpec = PICK_KINDS[kind];
  const filters = spec.filters.length > 0 ? { filters: spec.filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })) } : {};
  const common = { title: spec.title, buttonLabel: spec.buttonLabel, ...filters };
  if (spec.mode === 'save') {
    const defaultPath = spec.defaultName ? join(startFolder, spec.defaultName) : startFolder;
    return { save: true, options: { ...common, defaultPath, properties: ['createDirectory', 'showOverwriteConfirmation'] } };
  }
  const properties = spec.mode === 'folder' ? (['openDirectory', 'createDirectory'] as const) : (['openFile'] as const);
  return { save: false, options: { ...common, defaultPath: startFolder, properties: [...properties] } };
}

/** The path a dialog gave back (open: `filePaths`, save: `filePath`), or null when the user cancelled. */
export function chosenPath(result: { canceled: boolean; filePaths?: string[]; filePath?: string }): string | null {
  if (result.canceled) return null;
  const path = result.filePath ?? result.filePaths?.[0];
  return typeof path === 'string' && path !== '' ? path : null;
}
