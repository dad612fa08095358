import { useEffect } from 'react';

/** Focus after React has rendered (the element may appear in this very update). */
export function focusSoon(id: string): void {
  setTimeout(() => document.getElementById(id)?.focus(), 0);
}

let requested: string | null = null;

/** Asks for `id` to take the focus once it is shown, perhaps after data still loading (see useFocusRequest). */
export function focusWhenShown(id: string): void {
  requested = id;
}

/** In the component that renders `id`: takes the focus asked for by focusWhenShown, once. */
export function useFocusRequest(id: string): void {
  useEffect(() => {
    if (requested !== id) return;
    const element = document.getElementById(id);
    if (!element) return;
    requested = null;
    element.focus();
  });
}
