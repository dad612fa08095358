/**
 * A sheet of contributions into a consultation: every row checked first; if any is refused, nothing is
 * written; otherwise all are written in ONE transaction, each with the contribution service's own
 * checks (ownership.ts) and the contribution repo's writer, as not yet retained (`selected` false), its
 * meeting as source, placed after the contributions already there for its thématique and kind.
 * A dry run is the same checks, nothing written.
 */
import type { Catalogue } from '../catalogue/database.ts';
import { inTransaction } from '../catalogue/database.ts';
import { getCampaign } from '../catalogue/repos/campaign.repo.ts';
import { insertContribution, queryContributions } from '../catalogue/repos/contribution.repo.ts';
import { countMeetingsOfCampaign } from '../catalogue/repos/meeting.repo.ts';
import { AppError } from '../contract/errors.ts';
import { requireCampaign, requireMeetings, requireThematique } from '../services/ownership.ts';
import { type ContributionDraft, parseContributionRow, type RowProblem } from './contribution-rows.ts';
import type { ContributionSheet } from './contribution-sheet.ts';

export interface ContributionImportReport {
  fileName: string;
  sheetName: string;
  rowsRead: number;
  /** Added, or that would be added (dry run, or refused rows). */
  accepted: ContributionDraft[];
  problems: RowProblem[];
  applied: boolean;
  ignoredColumns: ContributionSheet['ignoredColumns'];
}

export function importContributions(db: Catalogue, campaignId: number, sheet: ContributionSheet, o: { dryRun: boolean }): ContributionImportReport {
  const campaign = getCampaign(db, campaignId);
  if (!campaign) throw new AppError('NOT_FOUND', 'Consultation absente du catalogue.');
  const known = new Map<number, boolean>();
  const meetingExists = (id: number) => {
    let exists = known.get(id);
    if (exists === undefined) known.set(id, (exists = countMeetingsOfCampaign(db, campaignId, [id]) === 1));
    return exists;
  };
  const accepted: ContributionDraft[] = [];
  const problems: RowProblem[] = [];
  for (const raw of sheet.rows) {
    const parsed = parseContributionRow(raw, { thematiques: campaign.thematiques, meetingExists });
    if (Array.isArray(parsed)) problems.push(...parsed);
    else accepted.push(parsed);
  }
  const report = { fileName: sheet.fileName, sheetName: sheet.sheetName, rowsRead: sheet.rows.length, accepted, problems, ignoredColumns: sheet.ignoredColumns };
  if (o.dryRun || problems.length > 0 || accepted.length === 0) return { ...report, applied: false };
  inTransaction(db, () => {
    const next = new Map<string, number>();
    for (const d of accepted) {
      requireCampaign(db, campaignId);
      requireThematique(db, campaignId, d.thematiqueId);
      requireMeetings(db, campaignId, [d.meetingId]);
      const key = `${d.thematiqueId}:${d.kind}`;
      let position = next.get(key);
      if (position === undefined) {
        const existing = queryContributions(db, { campaignId, thematiqueId: d.thematiqueId, kind: d.kind });
        position = existing.reduce((max, c) => Math.max(max, c.position + 1), 0);
      }
      next.set(key, position + 1);
      insertContribution(db, {
        campaignId, thematiqueId: d.thematiqueId, kind: d.kind, text: d.text, heading: null, scale: null, parentId: null,
        sourceMeetingIds: [d.meetingId], selected: false, review: 'a_traiter', position,
      });
    }
  });
  return { ...report, applied: true };
}
