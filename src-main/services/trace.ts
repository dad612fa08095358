/**
 * A printed statement traced back to where it came from: a group's (or one contribution's) wording, its
 * contributions, their meetings, and the restitution's passage each was cut from.
 */
import type { Catalogue } from '../catalogue/database.ts';
import { contributionsByIds, getContribution } from '../catalogue/repos/contribution.repo.ts';
import { getGroup, reachOf } from '../catalogue/repos/group.repo.ts';
import { restitutionFile, tracedMeetings } from '../catalogue/repos/trace.repo.ts';
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
  return {
    wording,
    reach: reachOf(db, members.map((m) => m.id)),
    sources: members.map((c) => {
      const file = c.passage ? restitutionFile(db, c.passage.restitutionId) : undefined;
      return {
        contributionId: c.id,
        text: c.text,
        review: c.review,
        meetings: tracedMeetings(db, c.sourceMeetingIds),
        passage: c.passage && file ? { ...c.passage, fileName: file.fileName, meetingId: file.meetingId } : null,
      };
    }),
  };
}
