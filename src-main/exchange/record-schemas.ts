/**
 * What a received record may hold, kind by kind: the same rules as the forms (texts without invisible
 * characters, real dates, counts that are not negative), so that a bundle never brings in what a user
 * could not type. Checked before anything is written.
 */
import { z } from 'zod';
import {
  BassinKind, CATEGORY_CODES, ContributionKind, EtablissementType, LinkKind, MeetingFormat, MeetingLevel, ReviewState, Scale,
} from '../contract/domain.ts';
import type { RecordKind } from '../contract/schemas/exchange.ts';
import { RetexLink } from '../contract/schemas/content.ts';
import { AcademieCode, Count, DepartementCode, IsoDate, label, RegionCode, text, Uai } from '../contract/primitives.ts';
import { RestitutionFormat } from '../contract/schemas/restitutions.ts';
import { TrameSection } from '../contract/schemas/trame.ts';
import { UID_PATTERN } from '../catalogue/uid.ts';
import { type Json, withoutAbsent } from './record.ts';

const Uid = z.string().regex(UID_PATTERN, { message: 'identifiant d’enregistrement invalide' });
const Slug = z.string().regex(/^[a-z0-9-]{1,60}$/, { message: 'identifiant de consultation invalide' });
const Number_ = z.number().int().min(1).max(99);
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
/** When something happened, as the app writes it (toISOString). */
const Timestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?)?$/, { message: 'date et heure invalides' });
/** A place in a restitution's passages (restitutions/passages.ts PassagePoint). */
const Point = sorted({ passage: z.number().int().min(0).max(1_000_000), offset: z.number().int().min(0).max(1_000_000) });
const before = (a: { passage: number; offset: number }, b: { passage: number; offset: number }) =>
  a.passage < b.passage || (a.passage === b.passage && a.offset < b.offset);
/** The span a contribution was cut from: its restitution, where it starts and ends, the text it covered. */
const PassageLink = sorted({ restitution: Uid, start: Point, end: Point, text: text(100_000) })
  .refine((p) => before(p.start, p.end), { message: 'le passage finit avant de commencer' });

const attendance = Object.fromEntries(CATEGORY_CODES.map((code) => [`attendance.${code}`, Count.nullable()]));
/** A list kept sorted and without repeats, as this app writes it: anything else would read back differently. */
const sortedSet = <T extends z.ZodType<string | number>>(item: T, max: number) =>
  z.array(item).max(max).refine((list) => list.every((v, i) => i === 0 || (list[i - 1] as string | number) < (v as string | number)), {
    message: 'liste non triée ou avec des doublons',
  });

/**
 * Strict: a field this version does not know is refused, not carried along. Keys in alphabetical
 * order: the validated values come out as canonical JSON would write them, with nothing to sort.
 */
function sorted<T extends z.ZodRawShape>(shape: T) {
  return z.strictObject(Object.fromEntries(Object.entries(shape).sort(([a], [b]) => (a < b ? -1 : 1))) as T);
}

export const FIELD_SCHEMAS: Record<RecordKind, z.ZodType<Record<string, unknown>>> = {
  campaign: sorted({
    slug: Slug, title: label(300), shortTitle: label(100),
    dates: sorted({ startDate: IsoDate, endDate: IsoDate, reserveDate: IsoDate.nullable() })
      .refine((d) => d.startDate <= d.endDate, { message: 'la fin précède le début' }),
    description: text(5_000),
    thematiques: z.array(sorted({ number: Number_, title: label(300), description: text(5_000), sujets: z.array(label(300)).max(50) })).max(50),
  }),
  style: sorted({
    name: label(200), fileName: label(255), sha256: Sha256, stylesXml: z.string().max(5_000_000), fonts: z.array(z.string().max(200)).max(50),
    headingFont: z.string().max(200).nullable(), bodyFont: z.string().max(200).nullable(),
    logo: z.string().max(14_000_000).regex(/^[A-Za-z0-9+/=]*$/).nullable(), logoType: z.enum(['png', 'jpg', 'gif', 'bmp']).nullable(),
    logoWidthEmu: z.number().int().positive().nullable(), logoHeightEmu: z.number().int().positive().nullable(),
  }),
  bassin: sorted({ departementCode: DepartementCode, kind: BassinKind, nom: label(200) }),
  etablissement: sorted({
    uai: Uai, nom: label(300), type: EtablissementType, commune: text(200), departementCode: DepartementCode, bassin: Uid.nullable(),
  }),
  meeting: sorted({
    campaign: Slug, title: label(300), date: IsoDate, lieu: text(300), format: MeetingFormat,
    place: sorted({
      level: MeetingLevel, regionCode: RegionCode.nullable(), academieCode: AcademieCode.nullable(), departementCode: DepartementCode.nullable(),
      bassin: Uid.nullable(), etablissementUai: Uai.nullable(),
    }),
    declaredTotal: Count.nullable(), restitutionReceived: z.boolean(),
    notes: text(10_000), thematiques: sortedSet(Number_, 50),
    ateliers: z.array(sorted({ thematique: Number_, defi: text(2_000), participants: Count.nullable() })).max(100),
    ...attendance,
  }),
  retex: sorted({
    campaign: Slug, thematique: Number_, title: label(300), text: text(5_000), niveau: text(100).nullable(), classes: text(200).nullable(),
    etablissementUai: Uai.nullable(), sourceMeeting: Uid.nullable(), selected: z.boolean(), position: z.number().int().min(0),
    links: z.array(sorted({ ...RetexLink.shape, kind: LinkKind, label: text(200) })).max(20),
  }),
  restitution: sorted({
    meeting: Uid, fileName: text(255), format: RestitutionFormat, sha256: Sha256, addedAt: Timestamp,
    // Kept exactly (no trimming): a contribution's passage counts its offsets in these texts.
    passages: z.array(sorted({ text: text(100_000).min(1, { message: 'passage vide' }), heading: z.boolean() })).max(50_000)
      .refine((list) => list.reduce((sum, p) => sum + p.text.length, 0) <= 5_000_000, { message: 'texte trop long (5 000 000 caractères au plus)' }),
  }),
  contributionGroup: sorted({
    campaign: Slug, thematique: Number_, kind: ContributionKind, wording: label(10_000), review: ReviewState, position: z.number().int().min(0),
  }),
  // group, passage and pending only when set (exchange/record.ts OPTIONAL_FIELDS): a null is as good as absent.
  contribution: sorted({
    campaign: Slug, thematique: Number_, kind: ContributionKind, text: label(10_000), heading: text(200).nullable(),
    scale: Scale.nullable(), parent: Uid.nullable(), selected: z.boolean(), position: z.number().int().min(0), sources: sortedSet(Uid, 200),
    pending: z.literal(true).nullable().optional(), group: Uid.nullable().optional(), passage: PassageLink.nullable().optional(),
  }).transform((f) => withoutAbsent('contribution', f as Record<string, Json>)),
  reviewEvent: sorted({
    contribution: Uid.nullable(), group: Uid.nullable(), at: Timestamp, who: text(1_000),
    what: z.enum(['etat', 'libelle', 'groupe']), from: text(10_000).nullable(), to: text(10_000).nullable(),
  }).refine((e) => (e.contribution === null) !== (e.group === null), { message: 'une contribution ou un groupe, l’un des deux' }),
  trame: sorted({
    campaign: Slug.nullable(), presetSlug: Slug.nullable(), name: label(200), title: label(300), subtitle: text(300),
    closingNote: text(2_000),
    sections: z.array(TrameSection).max(60).refine((list) => new Set(list.map((x) => x.key)).size === list.length, { message: 'deux sections ont la même clé' }),
  }),
  sectionText: sorted({
    campaign: Slug, scope: z.string().regex(/^(region|academie:[A-Z][A-Z-]*|departement:(\d{2}|2[AB]|97\d))$/),
    sectionKey: z.string().regex(/^[a-z0-9_-]{1,60}$/), thematique: Number_.nullable(), text: text(50_000),
  }),
  // One per pair of consultations (its identity: the two slugs); each pair a thématique of the first and one of the second, by number.
  thematiqueMap: sorted({
    fromCampaign: Slug, toCampaign: Slug, savedAt: Timestamp,
    pairs: z.array(sorted({ from: Number_, to: Number_ })).max(2_500).refine(
      (list) => list.every((l, i) => i === 0 || list[i - 1]!.from < l.from || (list[i - 1]!.from === l.from && list[i - 1]!.to < l.to)),
      { message: 'liste non triée ou avec des doublons' },
    ),
  }).refine((m) => m.fromCampaign !== m.toCampaign, { message: 'une consultation comparée à elle-même' }),
  setting: z.discriminatedUnion('key', [
    sorted({ key: z.literal('contact'), value: text(300) }),
    sorted({ key: z.literal('activeCampaign'), value: Slug }),
    sorted({ key: z.literal('styleTemplate'), value: Sha256 }),
  ]),
};
