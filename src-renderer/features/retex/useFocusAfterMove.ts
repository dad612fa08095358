/** After a move is drawn, puts the focus back where the user was (or on the item when that button is now disabled). */
import { type RefObject, useLayoutEffect } from 'react';

export function useFocusAfterMove(request: RefObject<{ id: string; fallback: string } | null>, drawn: unknown): void {
  useLayoutEffect(() => {
    const wanted = request.current;
    if (!wanted) return;
    request.current = null;
    const target = document.getElementById(wanted.id) as HTMLButtonElement | HTMLInputElement | null;
    const element = target && !target.disabled ? target : document.getElementById(wanted.fallback);
    element?.focus();
  }, [drawn, request]);
}
