/** Figures (Bilan des rencontres), settings, and generated documents. */
import { z } from 'zod';
import { BassinKind, CategoryCode, MeetingFormat } from '../domain.ts';
import { Id, IsoDate, RegionCode, text } from '../primitives.ts';

/**
 * What a Bilan or a synthesis covers: the région académique (the default), one académie, one
 * département, or the whole country, written `region`, `academie:BORDEAUX`, `departement:33`, `national`.
 */
export const ScopeRef = z
  .string()
  // "academie:poitiers" is what people type: codes are compared in capitals.
  .transform((value) => value.trim().replace(/^(\w+):(.*)$/, (_m, kind: string, code: string) => `${kind.toLowerCase()}:${code.toUpperCase()}`))
  .pipe(
    z.string().regex(/^(region|national|academie:[A-Z][A-Z-]*|departement:(\d{2}|2[AB]|97\d))$/, {
      message: 'périmètre invalide : « region », « academie:CODE » (ex. academie:BORDEAUX), « departement:CODE » (ex. departement:33) ou « national » attendu',
    }),
  );
export type ScopeRef = z.infer<typeof ScopeRef>;

export const BilanScope = z.object({ campaignId: Id, regionCode: RegionCode.optional(), scope: ScopeRef.default('region') });

const Figures = z.object({
  bassinMeetings: z.number().int(),
  secondLevelMeetings: z.number().int(),
  /** Départements that held their own second-level (départemental) concertation. */
  departements: z.number().int(),
  /** Participants of the second-level meetings, the figure seed 004 reports per académie. */
  participants: z.number().int(),
  /** How many second-level meetings gave a declared total, and how many only categories (or nothing). */
  meetingsWithDeclaredTotal: z.number().int(),
  meetingsCountedByCategories: z.number().int(),
  meetingsWithoutFigure: z.number().int(),
  /** Meetings held in établissements (the 2015 consultation's level), and their participants. */
  etablissementMeetings: z.number().int(),
  etablissementParticipants: z.number().int(),
});
/** One row of the Bilan: an académie (région scope) or a département (académie or département scope). */
export const BilanRow = Figures.extend({
  /** '' for the concertations held for a whole académie, in an académie's or a département's Bilan. */
  code: z.string(),
  name: z.string(),
  bassinKinds: z.array(BassinKind),
  /** True when the second level was one concertation for the whole académie (Limoges in 2020). */
  academiqueLevel: z.boolean(),
});
/** A région académique in the national Bilan: its académies' rows (by code) and its own totals. */
export const BilanRegion = z.object({
  code: RegionCode,
  name: z.string(),
  /** The codes of its académies, in the order of the Bilan's rows. */
  academies: z.array(z.string()),
  totals: Figures,
  regional: z.object({ meetings: z.number().int(), participants: z.number().int() }),
});
export type BilanRegion = z.infer<typeof BilanRegion>;

export const Bilan = z.object({
  campaignId: Id,
  /** Null for the national Bilan (regionName is then « France entière »). */
  regionCode: RegionCode.nullable(),
  regionName: z.string(),
  scope: z.object({ kind: z.enum(['region', 'academie', 'departement', 'national']), code: z.string(), name: z.string() }),
  /** A national Bilan's rows are every académie, grouped by région académique in `regions`. */
  rowKind: z.enum(['academie', 'departement']),
  rows: z.array(BilanRow),
  /** The national Bilan only: the régions académiques, each with its académies and totals. */
  regions: z.array(BilanRegion).optional(),
  totals: Figures,
  /** Région-wide meetings: a level above the académies' rows, reported beside them. */
  regional: z.object({ meetings: z.number().int(), participants: z.number().int() }),
  /** Participants per category, summed over the counted meetings that gave a breakdown. */
  categories: z.array(z.object({ code: CategoryCode, label: z.string(), participants: z.number().int() })),
  /** How many counted meetings gave a breakdown by category. */
  meetingsWithCategories: z.number().int(),
  /** The days of the second-level meetings, in order (one day in 2020: 14 October). */
  secondLevelDates: z.array(IsoDate),
  /** How they were held: "en présentiel" is said only when all were. */
  secondLevelFormats: z.array(MeetingFormat),
});
export type Bilan = z.infer<typeof Bilan>;

export const Settings = z.object({
  regionCode: RegionCode.nullable(),
  /** The running footer's contact: a role address rather than a person's. */
  contact: text(300),
  activeCampaignId: Id.nullable(),
  /** The Word style template applied when a generation names none. */
  styleTemplateId: Id.nullable(),
});
export type Settings = z.infer<typeof Settings>;
export const SettingsUpdate = Settings.partial();

export const SynthesisTarget = z.object({
  campaignId: Id,
  trameId: Id.optional(),
  regionCode: RegionCode.optional(),
  scope: ScopeRef.default('region'),
  /** One thématique by its number; the whole document when left out. */
  thematique: z.number().int().min(1).optional(),
  /** A Word style template; the one chosen in the settings when left out, none when null. */
  styleTemplateId: Id.nullable().optional(),
});

export const GenerateRequest = z.object({
  campaignId: Id,
  trameId: Id.optional(),
  regionCode: RegionCode.optional(),
  scope: ScopeRef.default('region'),
  styleTemplateId: Id.nullable().optional(),
  /** One thématique by its number; all of them (one file each plus the whole) when left out. */
  thematique: z.number().int().min(1).optional(),
  /** Folder on this computer where the .docx files are written. */
  outputDir: z.string().min(1).max(1_000),
});
export const GeneratedDocument = z.object({
  id: Id,
  campaignId: Id,
  /** The trame a synthesis followed; null for a spreadsheet. */
  trameId: Id.nullable(),
  scope: z.string(),
  thematiqueNumber: z.number().int().nullable(),
  fileName: z.string(),
  path: z.string(),
  sha256: z.string(),
  bytes: z.number().int(),
  generatedAt: z.string(),
});
export type GeneratedDocument = z.infer<typeof GeneratedDocument>;
