/**
 * A bundle opened from outside the screen — from the file manager (desktop: its path, by the shell), or
 * dropped on the window (desktop: its path; browser: the file, read as bytes like a chosen one) — goes
 * to « Échanges », whose receive form previews it. It waits here until that form is shown.
 */
import { onOpenBundle, pathOfFile } from '../../api/desktop.ts';
import { navigate } from '../../app/routes.ts';

export type OpenedBundle = { path: string } | { file: File };

export const RECEIVE_ROUTE = '/echanges/recevoir';

let waiting: OpenedBundle | null = null;
const listeners = new Set<() => void>();

export function isBundleName(name: string): boolean {
  return name.toLowerCase().endsWith('.synthese');
}

/** The file's name, from a path of this computer (Windows or not). */
export function fileNameOf(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

/** Shows « Échanges » and hands the bundle to its receive form (the last one opened wins). */
export function openBundle(opened: OpenedBundle, go: (path: string) => void = navigate): void {
  waiting = opened;
  go(RECEIVE_ROUTE);
  for (const listener of listeners) listener();
}

/** The bundle waiting to be previewed, taken once. */
export function takeOpenedBundle(): OpenedBundle | null {
  const opened = waiting;
  waiting = null;
  return opened;
}

/** Called when a bundle is opened while the receive form is shown. */
export function onBundleOpened(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** The first bundle among dropped files, by path when the shell can give it. */
export function droppedBundle(files: ArrayLike<File>, pathOf: (file: File) => string | null = pathOfFile): OpenedBundle | null {
  const file = Array.from(files).find((f) => isBundleName(f.name));
  if (!file) return null;
  const path = pathOf(file);
  return path ? { path } : { file };
}

const carriesFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');
const onFileInput = (event: DragEvent) => event.target instanceof HTMLInputElement && event.target.type === 'file';

/**
 * For the page's whole life: bundles from the desktop shell, and files dropped on the window (a file
 * input keeps its own drops; any other file dropped is refused rather than opened in place of the app).
 */
export function watchOpenedBundles(): () => void {
  const stopShell = onOpenBundle((path) => openBundle({ path }));
  const dragOver = (event: DragEvent) => {
    if (carriesFiles(event) && !onFileInput(event)) event.preventDefault();
  };
  const drop = (event: DragEvent) => {
    if (!carriesFiles(event) || onFileInput(event)) return;
    event.preventDefault();
    const opened = droppedBundle(event.dataTransfer?.files ?? []);
    if (opened) openBundle(opened);
  };
  window.addEventListener('dragover', dragOver);
  window.addEventListener('drop', drop);
  return () => {
    stopShell();
    window.removeEventListener('dragover', dragOver);
    window.removeEventListener('drop', drop);
  };
}
