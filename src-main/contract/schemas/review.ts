/** Review states, their history, groups of contributions, and two consultations compared (issue 13). */
import { z } from 'zod';
import { ContributionKind, ReviewState } from '../domain.ts';
import { Id, label } from '../primitives.ts';
import { Contribution } from './content.ts';
import { ContributionPassage } from './restitutions.ts';

export const ReviewEvent = z.object({
  at: z.string(),
  who: z.string(),
  what: z.enum(['etat', 'libelle', 'groupe']),
  from: z.string().nullable(),
  to: z.string().nullable(),
});
export type ReviewEvent = z.infer<typeof ReviewEvent>;

export const ReviewRequest = z.object({ ids: z.array(Id).min(1).max(5_000), review: ReviewState });

/** Where the meetings that raised something are. */
export const Reach = z.object({
  meetings: z.number().int(),
  /** Names, most meetings first (« Charente », « Vienne »…). */
  departements: z.array(z.string()),
  academies: z.array(z.string()),
});
export type Reach = z.infer<typeof Reach>;

export const ContributionGroup = z.object({
  id: Id,
  campaignId: Id,
  thematiqueId: Id,
  kind: ContributionKind,
  wording: z.string(),
  review: ReviewState,
  position: z.number().int(),
  /** Its members (in a list, the first 10: `groups.get` gives them all), and how many it has. */
  members: z.array(Contribution),
  memberTotal: z.number().int(),
  reach: Reach,
});
export type ContributionGroup = z.infer<typeof ContributionGroup>;

export const GroupsQuery = z.object({
  campaignId: Id, thematiqueId: Id, kind: ContributionKind.default('proposition'),
  /** Groups listed at most (the screen asks for more as it shows more). */
  limit: z.number().int().min(1).max(5_000).default(50),
});
export const GroupsView = z.object({
  /** The first `limit` groups: retained, then à traiter, then écartés, each in the writer's order. */
  groups: z.array(ContributionGroup),
  groupTotal: z.number().int(),
  /** Contributions of that thématique and kind in no group (the first 200). */
  ungrouped: z.array(Contribution),
  ungroupedTotal: z.number().int(),
});
export type GroupsView = z.infer<typeof GroupsView>;

export const GroupRename = z.object({ id: Id, wording: label(2_000) });
export const GroupSplit = z.object({ id: Id, contributionIds: z.array(Id).min(1).max(2_000) });
export const GroupMerge = z.object({ ids: z.array(Id).min(2).max(200), wording: label(2_000).optional() });
export const GroupMove = z.object({ contributionIds: z.array(Id).min(1).max(2_000), groupId: Id.nullable() });
export const GroupReview = z.object({ id: Id, review: ReviewState });
/** A group made by hand from chosen contributions, worded by the first of them unless a wording is given. */
export const GroupCreate = z.object({ contributionIds: z.array(Id).min(1).max(2_000), wording: label(2_000).optional() });

/**
 * What is left to read: the scope's meetings with contributions still à traiter (most first, at most
 * READING_MEETINGS_MAX of them), and per thématique of the consultation (the Contributions and
 * Regroupements screens list a thématique whole, whatever the place).
 */
export const READING_MEETINGS_MAX = 200;
export const ReadingProgress = z.object({
  meetings: z.array(z.object({
    meetingId: Id, title: z.string(), restitutions: z.number().int(), contributions: z.number().int(), pending: z.number().int(),
  })),
  thematiques: z.array(z.object({
    thematiqueId: Id, number: z.number().int(), title: z.string(), contributions: z.number().int(), pending: z.number().int(),
    groupsToReview: z.number().int(),
  })),
  /** The scope's meetings with contributions still à traiter, all of them (the list gives the first). */
  meetingsWithPending: z.number().int(),
  /** Meetings of the scope with no restitution at all. */
  withoutRestitution: z.number().int(),
});
export type ReadingProgress = z.infer<typeof ReadingProgress>;

/** A printed statement traced back: its contributions, their meetings and passages. */
export const TraceRequest = z.object({ groupId: Id.optional(), contributionId: Id.optional() })
  .refine((v) => (v.groupId === undefined) !== (v.contributionId === undefined), { message: 'un groupe ou une contribution' });
export const Trace = z.object({
  wording: z.string(),
  reach: Reach,
  sources: z.array(z.object({
    contributionId: Id,
    text: z.string(),
    review: ReviewState,
    meetings: z.array(z.object({ id: Id, title: z.string(), date: z.string(), departement: z.string().nullable() })),
    passage: ContributionPassage.extend({ fileName: z.string(), meetingId: Id }).nullable(),
  })),
});
export type Trace = z.infer<typeof Trace>;

/** One consultation's thématiques mapped onto another's. */
export const ComparisonPair = z.object({ fromCampaignId: Id, toCampaignId: Id });
/** `proposed`: the map the app proposes, even when one was saved (« Revenir à la correspondance proposée »). */
export const ThematiqueMapQuery = ComparisonPair.extend({ proposed: z.boolean().default(false) });
export const ThematiqueMap = ComparisonPair.extend({
  links: z.array(z.object({ fromThematiqueId: Id, toThematiqueId: Id })).max(2_500),
  /** False: the map the app proposes (comparison/default-map.ts), not saved. */
  saved: z.boolean(),
});
export type ThematiqueMap = z.infer<typeof ThematiqueMap>;
export const ThematiqueMapSave = ComparisonPair.extend({
  links: z.array(z.object({ fromThematiqueId: Id, toThematiqueId: Id })).max(2_500),
});

export const ComparisonRequest = ComparisonPair.extend({ toThematiqueId: Id, kind: ContributionKind.default('proposition') });
const ComparedItem = z.object({ wording: z.string(), meetings: z.number().int(), contributionIds: z.array(Id) });
export const Comparison = z.object({
  /** The two consultations' titles. */
  fromTitle: z.string(),
  toTitle: z.string(),
  /** Their years (« 2015 », « 2020 »), from their first day. */
  fromYear: z.string(),
  toYear: z.string(),
  /** The later consultation's thématique compared. */
  toThematique: z.object({ id: Id, number: z.number().int(), title: z.string() }),
  /** The earlier consultation's thématiques mapped onto this one. */
  fromThematiques: z.array(z.object({ id: Id, number: z.number().int(), title: z.string() })),
  returning: z.array(z.object({ to: ComparedItem, from: ComparedItem })),
  added: z.array(ComparedItem),
  gone: z.array(ComparedItem),
});
export type Comparison = z.infer<typeof Comparison>;
