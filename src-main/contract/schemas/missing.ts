/** « Ce qui manque » on the dashboard: who has not reported yet, which thématique nobody covered, which restitution is late. */
import { z } from 'zod';
import { MeetingLevel } from '../domain.ts';
import { AcademieCode, DepartementCode, Id, IsoDate } from '../primitives.ts';
import { Bassin } from './territory.ts';

const Place = z.object({ code: z.string(), name: z.string() });

/** How many late restitutions are listed; `lateTotal` says how many there are. */
export const LATE_LISTED = 50;

export const LateMeeting = z.object({
  id: Id,
  title: z.string(),
  date: IsoDate,
  level: MeetingLevel,
  academieCode: AcademieCode.nullable(),
  departementCode: DepartementCode.nullable(),
});

export const Missing = z.object({
  /** Bassins without a bassin-level meeting, grouped by département (only départements with some). */
  bassins: z.array(z.object({ departement: Place, bassins: z.array(Bassin) })),
  bassinCount: z.number().int(),
  /** Bassins the catalogue knows in the scope. */
  bassinTotal: z.number().int(),
  /** Départements of académies whose second level is départemental, without their concertation. */
  departements: z.array(Place),
  /** Per département, the thématiques none of its meetings (nor an académie-wide one) covered. */
  thematiques: z.array(z.object({ departement: Place, thematiqueIds: z.array(Id) })),
  /** Past meetings whose restitution has not been received, oldest first: the first LATE_LISTED. */
  late: z.array(LateMeeting),
  lateTotal: z.number().int(),
  /**
   * False for a consultation held in établissements (2015): it has établissement meetings and neither bassin nor
   * départemental ones, so no bassin or département is expected to report.
   */
  territorialLevels: z.boolean(),
  /** Académies whose second level is one académique concertation (their départements are not expected to hold one). */
  academiqueLevel: z.array(z.string()),
});
export type Missing = z.infer<typeof Missing>;
