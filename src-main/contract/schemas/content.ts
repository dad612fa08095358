/** What the meetings produced: retex and contributions, selected and ordered for the synthesis. */
import { z } from 'zod';
import { ContributionKind, LinkKind, ReviewState, Scale } from '../domain.ts';
import { HttpUrl, Id, label, patchOf, text, Uai } from '../primitives.ts';
import { PageFields, pageOf, SearchText, sortOf, TerritoryFilterFields } from './lists.ts';
import { ScopeRef } from './reports.ts';
import { ContributionPassage } from './restitutions.ts';

export const RetexLink = z.object({ kind: LinkKind, url: HttpUrl, label: text(200).default('') });
export type RetexLink = z.infer<typeof RetexLink>;

const RetexFields = z.object({
  campaignId: Id,
  thematiqueId: Id,
  title: label(300),
  /** "Texte de 2 ou 3 lignes" in the trame's words. */
  text: text(5_000).default(''),
  niveau: text(100).nullable().default(null),
  classes: text(200).nullable().default(null),
  etablissementUai: Uai.nullable().default(null),
  sourceMeetingId: Id.nullable().default(null),
  links: z.array(RetexLink).max(20).default([]),
  selected: z.boolean().default(false),
  position: z.number().int().min(0).default(0),
});
export const RetexCreate = RetexFields;
export const RetexUpdate = patchOf(RetexFields.omit({ campaignId: true })).extend({ id: Id });
export const Retex = RetexFields.extend({ id: Id });
export type Retex = z.infer<typeof Retex>;

const ContributionFields = z.object({
  campaignId: Id,
  thematiqueId: Id,
  kind: ContributionKind,
  text: label(10_000),
  /** Groups items under a short title in the document ("Débits", "Points positifs"). */
  heading: text(200).nullable().default(null),
  scale: Scale.nullable().default(null),
  /** For a proposition, the défi it answers. */
  parentId: Id.nullable().default(null),
  sourceMeetingIds: z.array(Id).max(200).default([]),
  selected: z.boolean().default(true),
  position: z.number().int().min(0).default(0),
});
/**
 * `review` and `selected` say the same for retained ones: a review given sets `selected`
 * (retenue ⇔ selected); `selected` alone makes it retenue or écartée.
 */
export const ContributionCreate = ContributionFields.extend({
  review: ReviewState.optional(),
  /** Given back when a deletion is undone: its group (same thématique and kind) and its restitution's span. */
  groupId: Id.nullable().optional(),
  passage: ContributionPassage.nullable().optional(),
});
export const ContributionUpdate = patchOf(ContributionFields.omit({ campaignId: true })).extend({ id: Id, review: ReviewState.optional() });
export const Contribution = ContributionFields.extend({
  id: Id,
  review: ReviewState,
  /** Its group (contributions saying the same thing), if any. */
  groupId: Id.nullable(),
  /** The restitution's span it was cut from, if it was. */
  passage: ContributionPassage.nullable(),
});
export type Contribution = z.infer<typeof Contribution>;

/** Retained for the synthesis or not. */
export const SelectionState = z.enum(['retenu', 'non_retenu']);
export type SelectionState = z.infer<typeof SelectionState>;

/** What retex and contributions are filtered on; their territory is their source meeting's (or établissement's). */
const ContentFilterFields = {
  campaignId: Id,
  thematiqueId: Id.optional(),
  ...TerritoryFilterFields,
  /** Cited by this meeting. */
  meetingId: Id.optional(),
  selection: SelectionState.optional(),
  search: SearchText.optional(),
  ...PageFields,
};

/** `position`: the synthesis' order (thématique, then position). */
export const RETEX_SORTS = ['position', 'title', 'etablissement', 'date'] as const;
export const RetexFilter = z.object({ ...ContentFilterFields, sort: sortOf(RETEX_SORTS, 'position') });
export type RetexFilter = z.input<typeof RetexFilter>;
export const RetexPage = pageOf(Retex);

export const CONTRIBUTION_SORTS = ['position', 'kind', 'text', 'date'] as const;
export const ContributionFilter = z.object({
  ...ContentFilterFields,
  kind: ContributionKind.optional(),
  review: ReviewState.optional(),
  sort: sortOf(CONTRIBUTION_SORTS, 'position'),
});
export type ContributionFilter = z.input<typeof ContributionFilter>;
export const ContributionPage = pageOf(Contribution);

/** Text written in the app for one section: once for the document, or per thématique. */
export const SectionTextKey = z.object({
  campaignId: Id,
  /** `region`, `academie:CODE` or `departement:CODE`: each scope writes its own texts. */
  scope: ScopeRef.default('region'),
  sectionKey: z.string().regex(/^[a-z0-9_-]{1,60}$/),
  thematiqueId: Id.nullable().default(null),
});
export const SectionText = SectionTextKey.extend({ text: text(50_000) });
export type SectionText = z.infer<typeof SectionText>;
