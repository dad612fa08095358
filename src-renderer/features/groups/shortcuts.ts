/** The groups list's keys, documented on screen: one place for the handler and the legend. */
export type GroupCommand = 'previous' | 'next' | 'first' | 'last' | 'select' | 'retain' | 'setAside' | 'split' | 'merge' | 'rename';

export const SHORTCUTS: { keys: string; what: string }[] = [
  { keys: '↑ ↓ (Début, Fin)', what: 'passer d’un groupe à l’autre' },
  { keys: 'Entrée ou Espace', what: 'choisir le groupe (pour fusionner)' },
  { keys: 'R', what: 'retenir le groupe' },
  { keys: 'E', what: 'écarter le groupe' },
  { keys: 'L', what: 'changer son libellé' },
  { keys: 'S', what: 'séparer les contributions cochées du groupe' },
  { keys: 'F', what: 'fusionner les groupes choisis' },
];

/** The command a key stands for on a focused group, or null (modifiers leave the browser's own keys alone). */
export function groupCommand(key: string, modifiers: { ctrlKey: boolean; altKey: boolean; metaKey: boolean }): GroupCommand | null {
  if (modifiers.ctrlKey || modifiers.altKey || modifiers.metaKey) return null;
  switch (key) {
    case 'ArrowUp': return 'previous';
    case 'ArrowDown': return 'next';
    case 'Home': return 'first';
    case 'End': return 'last';
    case 'Enter': case ' ': return 'select';
    case 'r': case 'R': return 'retain';
    case 'e': case 'E': return 'setAside';
    case 's': case 'S': return 'split';
    case 'f': case 'F': return 'merge';
    case 'l': case 'L': return 'rename';
    default: return null;
  }
}
