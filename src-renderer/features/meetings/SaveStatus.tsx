/** The discreet "Enregistré" of a meeting saved as it is edited, announced politely. */
import type { SaveState } from './useAutosave.ts';

function time(d: Date): string {
  return d.toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' });
}

export function SaveStatus({ state }: { state: SaveState }) {
  let text = 'Chaque modification est enregistrée dès que vous quittez le champ.';
  let icon = 'fr-icon-information-line';
  if (state.kind === 'saving') {
    text = 'Enregistrement…';
    icon = 'fr-icon-refresh-line';
  } else if (state.kind === 'saved') {
    text = `Enregistré à ${time(state.at)}.`;
    icon = 'fr-icon-check-line';
  } else if (state.kind === 'failed') {
    text = 'Non enregistré : voyez le message d’erreur dans la section concernée.';
    icon = 'fr-icon-warning-line';
  }
  return (
    <p className={`meetings-status meetings-status--${state.kind} fr-mb-0`} role="status" aria-live="polite">
      <span className={`${icon} fr-icon--sm`} aria-hidden="true" /> {text}
    </p>
  );
}
