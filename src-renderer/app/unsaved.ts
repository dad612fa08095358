/**
 * Nothing typed is lost when the page closes or reloads. Edits of existing records are saved when a
 * field is left: on leaving the page, the focused field is left first (its save starts, and a browser
 * request is sent with keepalive so that it outlives the page), and the browser asks for confirmation
 * while a field was being typed in or a form not yet saved holds something.
 */
import { useEffect } from 'react';
import { markLeaving } from '../api/client.ts';

/** Forms not yet saved that hold something, and whether they keep a draft of their own. */
const unsaved = new Map<string, { kept: boolean }>();

/**
 * A form not yet saved (a new retex, a new contribution…) says here whether it holds something. `kept`:
 * it keeps its own draft (Nouvelle rencontre), so leaving it loses nothing and asks nothing.
 */
export function useUnsavedWork(key: string, dirty: boolean, options: { kept?: boolean } = {}): void {
  const kept = options.kept ?? false;
  useEffect(() => {
    if (dirty) unsaved.set(key, { kept });
    else unsaved.delete(key);
    return () => void unsaved.delete(key);
  }, [key, dirty, kept]);
}

const wouldLose = () => [...unsaved.values()].some((u) => !u.kept);

function isTextField(element: Element | null): element is HTMLElement {
  if (!(element instanceof HTMLElement)) return false;
  if (element instanceof HTMLTextAreaElement || element.isContentEditable) return true;
  return element instanceof HTMLInputElement && !['button', 'submit', 'checkbox', 'radio', 'file', 'range', 'reset'].includes(element.type);
}

/** Installed once by the app shell. */
export function guardUnsavedWork(): () => void {
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    const active = document.activeElement;
    const typing = isTextField(active);
    markLeaving();
    // Leaving the field runs its save, as leaving it with Tab would.
    if (typing) active.blur();
    if (typing || wouldLose()) {
      event.preventDefault();
      event.returnValue = '';
    }
  };
  // Moving to another screen would drop a form not yet saved: asked first, as leaving the page is.
  const onClick = (event: MouseEvent) => {
    const link = (event.target as Element | null)?.closest?.('a[href^="#/"]');
    if (!link || !wouldLose()) return;
    if (!window.confirm('Une saisie n’est pas encore enregistrée (nouveau retex, nouvelle contribution ou section). La quitter quand même ?')) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  };
  window.addEventListener('beforeunload', onBeforeUnload);
  document.addEventListener('click', onClick, true);
  return () => {
    window.removeEventListener('beforeunload', onBeforeUnload);
    document.removeEventListener('click', onClick, true);
  };
}
