/**
 * Nothing typed is lost when the page closes or reloads. Edits of existing records are saved when a
 * field is left: on leaving the page, the focused field is left first (its save starts, and a browser
 * request is sent with keepalive so that it outlives the page), and the browser asks for confirmation
 * while a field was being typed in or a form not yet saved holds something.
 */
import { useEffect } from 'react';
import { markLeaving } from '../api/client.ts';

const unsaved = new Set<string>();

/** A form not yet saved ("Nouvelle rencontre") says here whether it holds something. */
export function useUnsavedWork(key: string, dirty: boolean): void {
  useEffect(() => {
    if (dirty) unsaved.add(key);
    else unsaved.delete(key);
    return () => void unsaved.delete(key);
  }, [key, dirty]);
}

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
    if (typing || unsaved.size > 0) {
      event.preventDefault();
      event.returnValue = '';
    }
  };
  window.addEventListener('beforeunload', onBeforeUnload);
  return () => window.removeEventListener('beforeunload', onBeforeUnload);
}
