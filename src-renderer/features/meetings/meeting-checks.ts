/** What surprises in a meeting as it is typed: shown next to the field, never blocking the save. */
import type { Campaign } from '../../../src-main/contract/schemas/campaign.ts';
import { frenchDate, frenchNumber } from '../../components/format.ts';
import { categorySum, type MeetingDraft, parseCount, participantsOf } from './meeting-draft.ts';

export interface MeetingChecks {
  /** Next to the date. */
  date: string[];
  /** Next to the élus' count. */
  elus: string | null;
  /** Next to the declared total. */
  total: string | null;
  /** Next to an atelier's participants, by the atelier's key. */
  ateliers: Record<string, string>;
  /** Under the ateliers, when together they exceed the meeting. */
  ateliersSum: string | null;
}

function plural(n: number, one: string, many: string): string {
  return `${frenchNumber(n)} ${n > 1 ? many : one}`;
}

export function checkMeeting(d: MeetingDraft, campaign: Campaign | null): MeetingChecks {
  const checks: MeetingChecks = { date: [], elus: null, total: null, ateliers: {}, ateliersSum: null };
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(d.date);

  if (campaign && validDate && (d.date < campaign.startDate || d.date > campaign.endDate)) {
    checks.date.push(
      `Date hors de la consultation « ${campaign.shortTitle} » (du ${frenchDate(campaign.startDate)} au ${frenchDate(campaign.endDate)}).`,
    );
  }

  const elus = parseCount(d.attendance.elus_collectivites ?? '');
  if (campaign?.reserveDate && validDate && typeof elus === 'number' && elus > 0 && d.date > campaign.reserveDate) {
    const message = `Période de réserve : aucun élu ne peut participer après le ${frenchDate(campaign.reserveDate)} ; `
      + `${plural(elus, 'élu ou agent de collectivité est indiqué', 'élus ou agents de collectivité sont indiqués')} `
      + `pour le ${frenchDate(d.date)}.`;
    checks.elus = message;
    checks.date.push(message);
  }

  const total = parseCount(d.declaredTotal);
  const { sum, given } = categorySum(d);
  if (typeof total === 'number' && given > 0 && sum > total) {
    checks.total = `La somme des catégories (${frenchNumber(sum)}) dépasse le total déclaré (${frenchNumber(total)}).`;
  }

  // The 2015 kit (src-main/kit2015/rules.ts): « en atelier de travail de 15 personnes ou moins ».
  if (campaign?.slug === 'concertation-2015' && d.level === 'etablissement') {
    d.ateliers.forEach((a, index) => {
      const n = parseCount(a.participants);
      if (typeof n === 'number' && n > 15) {
        checks.ateliers[a.key] = `L’atelier ${index + 1} compte ${frenchNumber(n)} participants : le kit 2015 prévoit des ateliers de 15 personnes ou moins.`;
      }
    });
  }

  const meeting = participantsOf(d).value;
  if (meeting !== null) {
    let ateliersSum = 0;
    d.ateliers.forEach((a, index) => {
      const n = parseCount(a.participants);
      if (typeof n !== 'number') return;
      ateliersSum += n;
      if (n > meeting) {
        checks.ateliers[a.key] = `L’atelier ${index + 1} compte plus de participants (${frenchNumber(n)}) que la rencontre (${frenchNumber(meeting)}).`;
      }
    });
    if (d.ateliers.length > 1 && ateliersSum > meeting && Object.keys(checks.ateliers).length === 0) {
      checks.ateliersSum = `Ensemble, les ateliers comptent ${frenchNumber(ateliersSum)} participants, plus que la rencontre `
        + `(${frenchNumber(meeting)}) : vérifiez s’ils se tenaient en même temps.`;
    }
  }
  return checks;
}
