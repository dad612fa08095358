/**
 * A printed statement traced back to where it came from: a group's (or one contribution's) wording, its
 * contributions, their meetings, and the restitution's passage each was cut from.
 */
import type { Catalogue } from '../catalogue/database.ts';
import { contributionsByIds, getContribution } from '../catalogue/repos/contribution.repo.ts';
import { getGroup, reachOf } from '../catalogue/repos/group.repo.ts';
import type { Trace } from '../contract/schemas/review.ts';
import { found } from './require.ts';

export function traceOf(db: Catalogue, request: { groupId?: number | undefined; contributionId?: number | undefined }): Trace {
  const [wording, members] = request.groupId !== undefined
    ? (() => {
        const group = found(getGroup(db, request.groupId), 'Groupe');
        return [group.wording, group.members] as const;
      })()
    : (() => {
        const c = found(getContribution(db, request.contributionId!), 'Contribution');
        return [c.text, contributionsByIds(db, [c.id])] as const;
      })();
  const meetingOf = db.prepare(
    `SELECT m.id, m.title, m.date, d.nom AS departement FROM meeting m LEFT JOIN departement d ON d.code = m.departement_code
     WHERE m.id IN (SELECT value FROM json_each(?)) ORDER BY m.date, m.id`,
  );
  const restitutionOf = db.prepare('SELECT file_name AS fileName, meeting_id AS meetingId FROM restitution WHERE id = ?');
  return {
    wording,
    reach: reachOf(db, members.map((m) => m.id)),
    sources: members.map((c) => {
      const file = c.passage ? (restitutionOf.get(c.passage.restitutionId) as { fileName: string; meetingId: number } | undefined) : undefined;
      return {
        contributionId: c.id,
        text: c.text,
        review: c.review,
        meetings: meetingOf.all(JSON.stringify(c.sourceMeetingIds)) as Trace['sources'][number]['meetings'],
        passage: c.passage && file ? { ...c.passage, fileName: file.fileName, meetingId: file.meetingId } : null,
      };
    }),
  };
}
