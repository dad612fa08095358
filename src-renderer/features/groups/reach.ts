/** How far a group reaches, as the synthesis says it: « évoquée dans 7 rencontres (Charente, Vienne, Corrèze…) ». */
import type { Reach } from '../../../src-main/contract/schemas/review.ts';

/** Places named before « … ». */
const NAMED = 3;

export function reachText(reach: Reach): string {
  if (reach.meetings === 0) return 'aucune rencontre d’origine indiquée';
  const places = reach.departements.length > 0 ? reach.departements : reach.academies;
  const named = places.slice(0, NAMED).join(', ');
  const list = places.length === 0 ? '' : ` (${named}${places.length > NAMED ? '…' : ''})`;
  return `évoquée dans ${reach.meetings.toLocaleString('fr-FR')} rencontre${reach.meetings > 1 ? 's' : ''}${list}`;
}
