import { z } from 'zod';
import { CategoryCode, MeetingFormat, MeetingLevel } from '../domain.ts';
import { AcademieCode, Count, DepartementCode, Id, IsoDate, label, patchOf, text, Uai } from '../primitives.ts';
import { PAGE_LIMIT_MAX, pageOf, PageFields, SearchText, sortOf, TerritoryFilterFields } from './lists.ts';
import { RestitutionSnapshot } from './restitutions.ts';

export const Atelier = z.object({
  thematiqueId: Id,
  defi: text(2_000).default(''),
  participants: Count.nullable().default(null),
});

/** Participants per category; a category left out was not counted (not zero). */
export const Attendance = z.partialRecord(CategoryCode, Count);
export type Attendance = z.infer<typeof Attendance>;

const MeetingFields = z.object({
  campaignId: Id,
  level: MeetingLevel,
  title: label(300),
  date: IsoDate,
  lieu: text(300).default(''),
  format: MeetingFormat.default('presentiel'),
  /** Where the meeting sits in the territory: the finest known place; coarser ones are derived. */
  academieCode: AcademieCode.nullable().default(null),
  departementCode: DepartementCode.nullable().default(null),
  bassinId: Id.nullable().default(null),
  etablissementUai: Uai.nullable().default(null),
  thematiqueIds: z.array(Id).max(50).default([]),
  declaredTotal: Count.nullable().default(null),
  attendance: Attendance.default({}),
  ateliers: z.array(Atelier).max(100).default([]),
  restitutionReceived: z.boolean().default(false),
  notes: text(10_000).default(''),
});
export const MeetingCreate = MeetingFields;
export const MeetingUpdate = patchOf(MeetingFields.omit({ campaignId: true })).extend({ id: Id });
export const Meeting = MeetingFields.extend({
  id: Id,
  academieCode: AcademieCode.nullable(),
  ateliers: z.array(Atelier.extend({ id: Id })),
  /** The figure reports use: the declared total when given, else the sum of the categories. */
  participants: z.number().int().nullable(),
  participantsSource: z.enum(['declare', 'categories', 'inconnu']),
  updatedAt: z.string(),
});
export type Meeting = z.infer<typeof Meeting>;

/** The columns the meetings' list sorts on (« lieu »: académie, département, then the place's name). */
export const MEETING_SORTS = ['date', 'title', 'level', 'place', 'participants'] as const;
/** Where a meeting stands: its restitution received or awaited, its count unknown, no thématique given. */
export const MeetingEtat = z.enum(['restitution_recue', 'restitution_attendue', 'participation_inconnue', 'sans_thematique']);
export type MeetingEtat = z.infer<typeof MeetingEtat>;

export const MeetingFilter = z.object({
  campaignId: Id,
  ...TerritoryFilterFields,
  level: MeetingLevel.optional(),
  thematiqueId: Id.optional(),
  dateFrom: IsoDate.optional(),
  dateTo: IsoDate.optional(),
  etat: MeetingEtat.optional(),
  /** Full text over title, lieu, notes, ateliers' défis and the établissement's name and commune. */
  search: SearchText.optional(),
  /** These meetings only (the labels of a page's sources, asked at once rather than one by one). */
  ids: z.array(Id).max(PAGE_LIMIT_MAX).optional(),
  sort: sortOf(MEETING_SORTS, 'date'),
  ...PageFields,
});
export type MeetingFilter = z.input<typeof MeetingFilter>;
export const MeetingPage = pageOf(Meeting);

/** What cites a meeting as its source: detached when it is deleted, tied back when it is restored. */
export const MeetingLinks = z.object({
  retexIds: z.array(Id).max(10_000),
  contributionIds: z.array(Id).max(10_000),
  /** Its identity between catalogues: an undone deletion is the same meeting again, not a new one. */
  uid: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/).nullable().default(null),
  /** Its restitutions, whole: they go with the meeting and come back with it. */
  restitutions: z.array(RestitutionSnapshot).max(100).default([]),
});
export type MeetingLinks = z.infer<typeof MeetingLinks>;
