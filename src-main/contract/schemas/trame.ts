/** A trame: the outline a synthesis follows, section by section. */
import { z } from 'zod';
import { ContributionKind, SectionScope, SectionSource } from '../domain.ts';
import { Id, label, patchOf, text } from '../primitives.ts';

export const TrameSection = z
  .object({
    key: z.string().regex(/^[a-z0-9_-]{1,60}$/, { message: 'clé de section invalide (minuscules, chiffres, _ et -)' }),
    scope: SectionScope,
    title: label(500),
    /** Shown to the writer in the app, never printed in the document. */
    guidance: text(2_000).default(''),
    source: SectionSource,
    contributionKinds: z.array(ContributionKind).max(5).default([]),
    retexMin: z.number().int().min(0).max(20).default(0),
    retexMax: z.number().int().min(0).max(20).default(0),
    /** What each retex entry is called: "Retex 1 :", "Réalisation 1 :" (the 2015 kit). */
    entryLabel: label(40).default('Retex'),
    /** Printed as "1. État des lieux". */
    numbered: z.boolean().default(true),
    /**
     * A thématique section's own wording for some thématiques, by number ("4": « Actions et acteurs
     * mobilisés »): seed 004 words a heading differently from one thématique to the next. Absent: `title`;
     * a document section has none to print.
     */
    titleByThematique: z
      .record(z.string(), label(500))
      .superRefine((titles, ctx) => {
        for (const number of Object.keys(titles)) {
          if (!/^([1-9]|[12]\d|30)$/.test(number)) ctx.addIssue({ code: 'custom', path: [number], message: `numéro de thématique attendu (1 à 30), pas « ${number} »` });
        }
      })
      .default({}),
    /**
     * A contributions (or défis and propositions) section's items ordered by how many meetings of the scope
     * raised them, most first, each followed by « — évoquée dans 7 rencontres (Charente, Vienne, Corrèze…) ».
     * Absent from trames written before it (a received one too): off, the document as it was.
     */
    meetingCounts: z.boolean().default(false),
  })
  .superRefine((section, ctx) => {
    if (section.source === 'contributions' && section.contributionKinds.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['contributionKinds'], message: 'une section de contributions doit dire de quel type' });
    }
    if (section.retexMin > section.retexMax) {
      ctx.addIssue({ code: 'custom', path: ['retexMax'], message: 'le maximum de retex est inférieur au minimum' });
    }
    if (section.source === 'bilan' && section.scope !== 'document') {
      ctx.addIssue({ code: 'custom', path: ['scope'], message: 'le bilan des rencontres se place une fois, dans le document' });
    }
  });
export type TrameSection = z.infer<typeof TrameSection>;

function uniqueKeys(sections: { key: string }[]) {
  return new Set(sections.map((s) => s.key)).size === sections.length;
}

const TrameFields = z.object({
  campaignId: Id.nullable().default(null),
  name: label(200),
  /** Document title; the subtitle names the scope ("Synthèse de région académique"). */
  title: label(300),
  subtitle: text(300).default(''),
  closingNote: text(2_000).default(''),
  sections: z.array(TrameSection).max(60).refine(uniqueKeys, { message: 'deux sections ont la même clé' }),
});
export const TrameCreate = TrameFields;
export const TrameUpdate = patchOf(TrameFields).extend({ id: Id });
export const Trame = TrameFields.extend({ id: Id, presetSlug: z.string().nullable() });
export type Trame = z.infer<typeof Trame>;

/** A placeholder a written text or a heading may quote as {{name}}, with its value for the scope asked. */
export const Placeholder = z.object({ name: z.string(), description: z.string(), value: z.string() });
export type Placeholder = z.infer<typeof Placeholder>;
