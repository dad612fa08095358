/**
 * After a change is drawn, puts the focus back where the user was (or on the fallback when that control is
 * disabled or gone). While `waiting` (a list still reloading), a control not found yet is waited for.
 */
import { type RefObject, useLayoutEffect } from 'react';

export function useFocusAfterMove(request: RefObject<{ id: string; fallback: string } | null>, drawn: unknown, waiting = false): void {
  useLayoutEffect(() => {
    const wanted = request.current;
    if (!wanted) return;
    const target = document.getElementById(wanted.id) as HTMLButtonElement | HTMLInputElement | null;
    if (!target && waiting) return;
    request.current = null;
    const element = target && !target.disabled ? target : document.getElementById(wanted.fallback);
    element?.focus();
  }, [drawn, request, waiting]);
}
