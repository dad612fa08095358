/** What a new meeting still lacks before "Enregistrer", each with the field to focus. */
import type { Missing } from './GeneralFields.tsx';
import { countProblems, type MeetingDraft, missingPlace } from './meeting-draft.ts';

export function missingOf(d: MeetingDraft): Missing {
  const missing: Missing = {};
  if (d.title.trim() === '') missing.title = 'Indiquez l’intitulé de la rencontre.';
  if (d.date === '') missing.date = 'Indiquez la date de la rencontre.';
  if (d.level === '') missing.level = 'Choisissez le niveau de la rencontre.';
  const place = missingPlace(d);
  if (d.level !== '' && place) missing.place = `Choisissez ${place}.`;
  return missing;
}

const PLACE_FIELD: Record<string, string> = {
  etablissement: 'meeting-etablissement',
  bassin: 'meeting-bassin',
  departemental: 'meeting-departement',
  academique: 'meeting-academie',
};

/** The id of the first field to correct, in the order of the form. */
export function firstProblemField(d: MeetingDraft, missing: Missing): string | null {
  if (missing.title) return 'meeting-title';
  if (missing.date) return 'meeting-date';
  if (missing.level) return 'meeting-level';
  if (missing.place) {
    const field = PLACE_FIELD[d.level] ?? 'meeting-level';
    // The bassin's list appears only once a département is chosen.
    return document.getElementById(field) ? field : 'meeting-departement';
  }
  const bad = [...countProblems(d)][0];
  if (!bad) return null;
  if (bad === 'declaredTotal') return 'attendance-total';
  if (bad.startsWith('attendance.')) return `attendance-${bad.slice('attendance.'.length)}`;
  return `${bad.slice('ateliers.'.length)}-participants`;
}
