/** The 2015 kit's follow-up on the dashboard: each établissement's synthesis, received, awaited or late. */
import { z } from 'zod';
import { AcademieCode, Id, IsoDate } from '../primitives.ts';

/** How many awaited or late syntheses are listed; the counts say how many there are. */
export const FOLLOW_UP_LISTED = 50;

export const KitRestitution = z.object({
  meetingId: Id,
  title: z.string(),
  date: IsoDate,
  academieCode: AcademieCode.nullable(),
  /** « dans la quinzaine qui suit la rencontre et avant le 10 mars »: the last day on time. */
  dueDate: IsoDate,
  status: z.enum(['due', 'late']),
});

export const KitFollowUp = z.object({
  /** False when the consultation is not the one the 2015 kit was written for: nothing is followed. */
  applies: z.boolean(),
  /** The day the statuses were computed for (the user's calendar). */
  today: IsoDate,
  /** The consultation's last day: no synthesis is due after it. */
  lastDay: IsoDate,
  received: z.number().int(),
  due: z.number().int(),
  late: z.number().int(),
  /** Late ones first, then awaited ones, each by its due day: the first FOLLOW_UP_LISTED. */
  awaited: z.array(KitRestitution),
});
export type KitFollowUp = z.infer<typeof KitFollowUp>;
