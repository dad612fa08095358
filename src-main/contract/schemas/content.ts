/** What the meetings produced: retex and contributions, selected and ordered for the synthesis. */
import { z } from 'zod';
import { ContributionKind, LinkKind, Scale } from '../domain.ts';
import { HttpUrl, Id, label, patchOf, text, Uai } from '../primitives.ts';
import { ScopeRef } from './reports.ts';

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
export const ContributionCreate = ContributionFields;
export const ContributionUpdate = patchOf(ContributionFields.omit({ campaignId: true })).extend({ id: Id });
export const Contribution = ContributionFields.extend({ id: Id });
export type Contribution = z.infer<typeof Contribution>;

export const ContentFilter = z.object({
  campaignId: Id,
  thematiqueId: Id.optional(),
  kind: ContributionKind.optional(),
  selectedOnly: z.boolean().optional(),
});

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
