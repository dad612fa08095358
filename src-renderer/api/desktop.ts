/**
 * The desktop shell's few extras, exposed by its preload as `window.syntheseDesktop`, apart from the
 * service contract (`window.synthese`, api/client.ts): native dialogs by kind, bundles opened from the
 * file manager, a dropped file's path. The browser has none of them: each is detected, never assumed,
 * and every field they help fill stays a plain text field.
 */

/** The dialog kinds the shell knows (src-main/desktop/pick-kinds.ts; a test holds the lists equal). */
export const DESKTOP_PICK_KINDS = ['catalogue', 'bundle', 'bundle-save', 'sheet', 'sheet-save', 'style-template', 'folder'] as const;
export type PickKind = (typeof DESKTOP_PICK_KINDS)[number];

export interface DesktopBridge {
  /** The kind's native dialog (French title and filters): the chosen path, or null if cancelled. */
  pickPath(kind: PickKind): Promise<string | null>;
  /** Bundles opened from the file manager, by path; returns the function that stops listening. */
  onOpenBundle(listener: (path: string) => void): () => void;
  /** A dropped file's path on this computer ('' when it has none). */
  pathOfFile(file: File): string;
}

declare global {
  interface Window {
    syntheseDesktop?: Partial<DesktopBridge>;
  }
}

function bridge(): Partial<DesktopBridge> | undefined {
  return typeof window === 'undefined' ? undefined : window.syntheseDesktop;
}

/** The native dialog, when the app runs in the desktop shell; undefined in a browser. */
export function nativePicker(): DesktopBridge['pickPath'] | undefined {
  const pick = bridge()?.pickPath;
  return typeof pick === 'function' ? pick : undefined;
}

/** Listens for bundles opened from the file manager (desktop only; a no-op elsewhere). */
export function onOpenBundle(listener: (path: string) => void): () => void {
  const listen = bridge()?.onOpenBundle;
  return typeof listen === 'function' ? listen(listener) : () => undefined;
}

/** A dropped file's path in the desktop shell; null in a browser, where its bytes are read instead. */
export function pathOfFile(file: File): string | null {
  const pathOf = bridge()?.pathOfFile;
  if (typeof pathOf !== 'function') return null;
  try {
    return pathOf(file) || null;
  } catch {
    return null;
  }
}
