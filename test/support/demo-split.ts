/**
 * The demo as its authors would hold it on their own laptops: each DSDEN its département's bassins,
 * établissements, meetings and what they alone produced; each DANE its académie-wide concertation and
 * what spans its départements; the région what spans académies, its texts and its contact.
 */
import type { DemoFile } from '../../src-main/demo/demo-catalogue.ts';

export type DemoPart = { kind: 'departement'; code: string } | { kind: 'academie'; code: string } | { kind: 'region' };

export function demoPart(demo: DemoFile, part: DemoPart): DemoFile {
  const meetings = new Map(demo.meetings.map((m) => [m.key, m]));
  const placeOfEtablissement = new Map(demo.etablissements.map((e) => [e.uai, e.departement]));
  const ownerOfPlace = (departement: string | null, academie: string | null): DemoPart =>
    departement ? { kind: 'departement', code: departement } : academie ? { kind: 'academie', code: academie } : { kind: 'region' };
  const ownerOfMeetings = (keys: string[]): DemoPart => {
    const cited = keys.map((k) => meetings.get(k)!);
    const departements = new Set(cited.map((m) => m.departement));
    if (cited.length > 0 && departements.size === 1 && cited[0]!.departement) return { kind: 'departement', code: cited[0]!.departement };
    const academies = new Set(cited.map((m) => m.academie));
    if (cited.length > 0 && academies.size === 1) return { kind: 'academie', code: cited[0]!.academie };
    return { kind: 'region' };
  };
  const mine = (owner: DemoPart) => owner.kind === part.kind && (owner.kind === 'region' || owner.code === (part as { code: string }).code);
  const region = part.kind === 'region';
  return {
    ...demo,
    region: { code: demo.region.code, contact: region ? demo.region.contact : '' },
    descriptif: region ? demo.descriptif : [],
    bassins: demo.bassins.filter((b) => mine(ownerOfPlace(b.departement, null))),
    etablissements: demo.etablissements.filter((e) => mine(ownerOfPlace(e.departement, null))),
    meetings: demo.meetings.filter((m) => mine(ownerOfPlace(m.departement, m.academie))),
    retex: demo.retex.filter((r) =>
      // Whoever holds the meeting where it was presented enters it (a school's retex at the académie's concertation: the DANE).
      mine(r.sourceMeeting
        ? ownerOfMeetings([r.sourceMeeting])
        : r.etablissement && placeOfEtablissement.has(r.etablissement) ? ownerOfPlace(placeOfEtablissement.get(r.etablissement)!, null) : { kind: 'region' }),
    ),
    contributions: demo.contributions.filter((c) => mine(ownerOfMeetings(c.sourceMeetings))),
    sectionTexts: region ? demo.sectionTexts : [],
  };
}

/** The demo's départements, by académie, as its meetings place them. */
export function demoDepartements(demo: DemoFile): Map<string, string[]> {
  const byAcademie = new Map<string, Set<string>>();
  for (const m of demo.meetings) {
    if (!m.departement) continue;
    if (!byAcademie.has(m.academie)) byAcademie.set(m.academie, new Set());
    byAcademie.get(m.academie)!.add(m.departement);
  }
  return new Map([...byAcademie].map(([a, d]) => [a, [...d].sort()]));
}
