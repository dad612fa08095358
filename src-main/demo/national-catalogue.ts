/**
 * The national-scale catalogue of the benchmark (`npm run synthese -- demo-national`, `npm run bench`):
 * 18 régions académiques, 30 académies, 101 départements, and at scale 1 (`echelle`) 3 000 meetings,
 * 5 000 retex, 30 000 contributions, 4 000 établissements and 600 bassins; N times as many at scale N.
 *
 * Seeded: the same seed and scale give the same catalogue (same rows, same ids, same texts). The identity,
 * the consultation and the settings go through the contract as the app does; the rows are written through
 * the repos in one transaction (the contract's checks would take minutes for 300 000 rows), with the places,
 * levels and references the contract would accept.
 */
import { createHash } from 'node:crypto';
import { type Catalogue, inTransaction } from '../catalogue/database.ts';
import { insertContribution } from '../catalogue/repos/contribution.repo.ts';
import { insertMeeting, type MeetingRecord } from '../catalogue/repos/meeting.repo.ts';
import { insertRetex } from '../catalogue/repos/retex.repo.ts';
import { insertBassin, territoryTree, upsertEtablissement } from '../catalogue/repos/territory.repo.ts';
import { setSectionText } from '../catalogue/repos/trame.repo.ts';
import {
  CATEGORY_CODES, type CategoryCode, type ContributionKind, type EtablissementType, type LinkKind, type MeetingFormat,
  type MeetingLevel, type Scale,
} from '../contract/domain.ts';
import { AppError, conflict } from '../contract/errors.ts';
import type { Call } from './demo-catalogue.ts';
import { Prng, WeightedChoice } from './prng.ts';
import {
  ACADEMIE_WEIGHTS, CLASSES, commune, DEFIS, HEADINGS, NIVEAUX, person, sentence, subject,
} from './national-words.ts';

export const NATIONAL_NAME = 'Catalogue national — banc d’essai';
export const DEFAULT_SEED = 2020;
/** Scale 1. */
export const PER_SCALE = { meetings: 3_000, retex: 5_000, contributions: 30_000, etablissements: 4_000, bassins: 600 } as const;
export const MAX_SCALE = 50;

export interface NationalOptions {
  /** 1 = 3 000 meetings; fractions (0.05) make small catalogues for tests. */
  echelle: number;
  seed?: number;
  /** The région the catalogue's identity and settings name (the one the dashboard opens on). */
  regionCode?: string;
  /** Timestamps written in the rows (a fixed one keeps the catalogue the same from run to run). */
  now?: Date;
  onProgress?: (done: number, total: number, message: string) => void;
}

/** What one région received: the figures its Bilan must show. */
export interface RegionTally {
  meetings: number;
  byLevel: Record<MeetingLevel, number>;
  /** Second-level (départemental, académique) participants: the declared total, else the categories' sum. */
  secondLevelParticipants: number;
  /** Participants per category over second-level and établissement meetings (what the Bilan sums). */
  categories: Record<CategoryCode, number>;
}

export interface NationalSummary {
  echelle: number;
  seed: number;
  campaignId: number;
  regionCode: string;
  counts: {
    meetings: number; retex: number; contributions: number; etablissements: number; bassins: number; sectionTexts: number;
    selectedRetex: number; selectedContributions: number; ateliers: number;
  };
  byLevel: Record<MeetingLevel, number>;
  regions: Record<string, RegionTally>;
  /** Départements and académies that hold at least one meeting. */
  departementsCovered: number;
  academiesCovered: number;
  /** SHA-256 of every row as generated: the same for the same seed and scale. */
  digest: string;
  ms: number;
}

interface Place {
  region: string;
  academie: string;
  academieNom: string;
  departement: string;
  departementNom: string;
}

interface Etab {
  uai: string;
  nom: string;
  departement: string;
}

const LEVELS_AFTER_COVERAGE: [MeetingLevel, number][] = [['etablissement', 45], ['bassin', 40], ['departemental', 10], ['academique', 5]];
const KINDS: [ContributionKind, number][] = [['etat_des_lieux', 30], ['action', 25], ['defi', 20], ['proposition', 25]];
const ETAB_TYPES: [EtablissementType, string, number][] = [
  ['ecole', 'École', 60], ['college', 'Collège', 20], ['lycee', 'Lycée', 10], ['lycee_professionnel', 'Lycée professionnel', 6],
  ['cite_scolaire', 'Cité scolaire', 2], ['autre', 'Centre', 2],
];
const FORMATS: [MeetingFormat, number][] = [['presentiel', 70], ['distanciel', 15], ['hybride', 15]];
const SCALES: Scale[] = ['national', 'academique', 'etablissement'];
const LINK_KINDS: [LinkKind, string][] = [['video', 'Vidéo'], ['fiche', 'Fiche'], ['article', 'Article'], ['autre', 'Ressource']];
const UAI_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';

/** How many rows of each kind a scale gives (never fewer than one per département where coverage needs it). */
export function nationalCounts(echelle: number, departements = 101, academies = 30) {
  return {
    meetings: Math.max(departements + academies, Math.round(PER_SCALE.meetings * echelle)),
    retex: Math.round(PER_SCALE.retex * echelle),
    contributions: Math.round(PER_SCALE.contributions * echelle),
    etablissements: Math.max(departements, Math.round(PER_SCALE.etablissements * echelle)),
    bassins: Math.max(departements, Math.round(PER_SCALE.bassins * echelle)),
  };
}

/** A UAI as the ministry writes it: the département on three digits, a number, and its check letter. */
export function uaiOf(departement: string, n: number): string {
  const prefix = departement === '2A' ? '620' : departement === '2B' ? '720' : departement.padStart(3, '0');
  const digits = `${prefix}${String(n).padStart(4, '0')}`;
  if (digits.length !== 7) throw new Error(`UAI : numéro ${n} trop grand pour le département ${departement}`);
  return `${digits}${UAI_LETTERS[Number(digits) % 23]}`;
}

export async function buildNationalCatalogue(db: Catalogue, call: Call, options: NationalOptions): Promise<NationalSummary> {
  const { echelle } = options;
  if (!(echelle > 0 && echelle <= MAX_SCALE)) throw new AppError('INVALID_INPUT', `Échelle invalide : ${echelle} (un nombre au-dessus de 0, jusqu’à ${MAX_SCALE}).`);
  const seed = options.seed ?? DEFAULT_SEED;
  const now = (options.now ?? new Date('2020-11-30T12:00:00Z')).toISOString();
  const started = Date.now();

  if ((await call('catalogue.info', {})).meetings > 0) {
    throw conflict('Ce catalogue contient déjà des rencontres : le catalogue national se construit dans un catalogue neuf.');
  }
  const identity = await call('identity.get', {});
  const regionCode = identity?.regionCode ?? options.regionCode ?? 'IDF';
  if (!identity) await call('identity.setup', { regionCode, name: NATIONAL_NAME });
  const campaign = await call('campaigns.installPreset', { slug: 'egn-2020' });
  const thematiques = campaign.thematiques.map((t) => t.id);
  const [trame] = await call('trames.list', { campaignId: campaign.id });
  const textSections = (trame?.sections ?? []).filter((s) => s.source === 'text');

  const places: Place[] = territoryTree(db).flatMap((r) =>
    r.academies.flatMap((a) => a.departements.map((d) => ({ region: r.code, academie: a.code, academieNom: a.nom, departement: d.code, departementNom: d.nom }))),
  );
  const academies = [...new Map(places.map((p) => [p.academie, p])).values()];
  const count = nationalCounts(echelle, places.length, academies.length);
  // A département weighs its académie's share, split between the académie's départements.
  const perAcademie = new Map<string, number>();
  for (const p of places) perAcademie.set(p.academie, (perAcademie.get(p.academie) ?? 0) + 1);
  const placeChoice = new WeightedChoice(places.map((p) => (ACADEMIE_WEIGHTS[p.academie] ?? 100) / perAcademie.get(p.academie)!));
  const academieChoice = new WeightedChoice(academies.map((a) => ACADEMIE_WEIGHTS[a.academie] ?? 100));

  const rng = new Prng(seed);
  const hash = createHash('sha256');
  const digest = (row: unknown) => hash.update(JSON.stringify(row)).update('\n');
  const total = count.bassins + count.etablissements + count.meetings + count.contributions + count.retex;
  let done = 0;
  const tick = (message: string) => {
    done++;
    if (done % 5_000 === 0 || done === total) options.onProgress?.(done, total, message);
  };

  const regions: Record<string, RegionTally> = {};
  const byLevel: Record<MeetingLevel, number> = { etablissement: 0, bassin: 0, departemental: 0, academique: 0, regional: 0 };
  const counts = { ...count, sectionTexts: 0, selectedRetex: 0, selectedContributions: 0, ateliers: 0 };
  const covered = { departements: new Set<string>(), academies: new Set<string>() };

  inTransaction(db, () => {
    // Bassins: one at least per département, the others where the pupils are; one in five an ECLORE network.
    const bassins = new Map<string, number[]>();
    const bassinPlaces = [...places, ...Array.from({ length: count.bassins - places.length }, () => places[placeChoice.index(rng)]!)];
    bassinPlaces.forEach((p, i) => {
      const kind = i >= places.length && rng.chance(0.2) ? 'ECLORE' : 'ZAP';
      const b = { departementCode: p.departement, kind, nom: `${kind === 'ZAP' ? 'ZAP' : 'Réseau ECLORE'} ${commune(rng)} ${i + 1}` } as const;
      const id = insertBassin(db, b);
      digest({ id, ...b });
      push(bassins, p.departement, id);
      tick('Bassins');
    });

    // Établissements: a UAI numbered within its département, its check letter computed as the ministry's.
    const etabs = new Map<string, Etab[]>();
    const etabChoice = new WeightedChoice(ETAB_TYPES.map((t) => t[2]));
    const etabPlaces = [...places, ...Array.from({ length: count.etablissements - places.length }, () => places[placeChoice.index(rng)]!)];
    for (const p of etabPlaces) {
      const list = etabs.get(p.departement) ?? [];
      const [type, word] = ETAB_TYPES[etabChoice.index(rng)]!;
      const town = commune(rng);
      const e = {
        uai: uaiOf(p.departement, list.length + 1), nom: `${word} ${person(rng)}`, type, commune: town,
        departementCode: p.departement, bassinId: rng.chance(0.8) ? rng.pick(bassins.get(p.departement)!) : null,
      };
      upsertEtablissement(db, e);
      digest(e);
      list.push({ uai: e.uai, nom: `${e.nom} (${town})`, departement: p.departement });
      etabs.set(p.departement, list);
      tick('Établissements');
    }

    // Meetings: a départemental one in every département, an académique one in every académie, then the
    // établissement and bassin meetings (and more second-level ones) where the pupils are.
    const levelChoice = new WeightedChoice(LEVELS_AFTER_COVERAGE.map((l) => l[1]));
    const formatChoice = new WeightedChoice(FORMATS.map((f) => f[1]));
    const planned: { level: MeetingLevel; place: Place }[] = [
      ...places.map((place) => ({ level: 'departemental' as const, place })),
      ...academies.map((place) => ({ level: 'academique' as const, place })),
    ];
    while (planned.length < count.meetings) {
      const level = LEVELS_AFTER_COVERAGE[levelChoice.index(rng)]![0];
      const place = level === 'academique' ? academies[academieChoice.index(rng)]! : places[placeChoice.index(rng)]!;
      planned.push({ level, place });
    }
    const meetingIds: number[] = [];
    const meetingInfo: { place: Place; thematiques: number[]; uai: string | null }[] = [];
    const meetingsOfAcademie = new Map<string, number[]>();
    for (const { level, place } of planned) {
      const second = level === 'departemental' || level === 'academique';
      const etab = level === 'etablissement' ? rng.pick(etabs.get(place.departement)!) : null;
      const bassinId = level === 'bassin' ? rng.pick(bassins.get(place.departement)!) : null;
      const size = { etablissement: 8, bassin: 12, departemental: 30, academique: 50, regional: 60 }[level];
      const attendance: Partial<Record<CategoryCode, number>> = {};
      if (rng.chance(0.9)) {
        for (const [k, code] of CATEGORY_CODES.entries()) {
          if (rng.chance(k < 3 ? 0.9 : 0.5)) attendance[code] = rng.int(0, k < 3 ? size : Math.ceil(size / 3));
        }
      }
      const sum = Object.values(attendance).reduce((a, b) => a + b, 0);
      const declaredTotal = rng.chance(second ? 0.5 : 0.3) ? sum + rng.int(0, 20) : null;
      const meetingThematiques = rng.some(thematiques, rng.int(1, thematiques.length));
      const ateliers = Array.from({ length: second ? rng.int(2, 5) : rng.int(0, 2) }, () => ({
        thematiqueId: rng.pick(meetingThematiques), defi: rng.pick(DEFIS), participants: rng.chance(0.8) ? rng.int(5, 30) : null,
      }));
      const day = second && rng.chance(0.7) ? '2020-10-14' : `2020-${rng.pick(['09', '10', '11'])}-${String(rng.int(1, 28)).padStart(2, '0')}`;
      const title = {
        etablissement: `Rencontre — ${etab?.nom}`,
        bassin: `Concertation de bassin n° ${bassinId}`,
        departemental: `Concertation départementale — ${place.departementNom}`,
        academique: `Concertation académique — ${place.academieNom}`,
        regional: 'Concertation régionale',
      }[level];
      const m: MeetingRecord = {
        campaignId: campaign.id, level, title, date: day, lieu: `${rng.pick(['Collège', 'Lycée', 'Atelier Canopé', 'Mairie'])} de ${commune(rng)}`,
        format: FORMATS[formatChoice.index(rng)]![0], regionCode: place.region, academieCode: place.academie,
        departementCode: level === 'academique' ? null : place.departement, bassinId, etablissementUai: etab?.uai ?? null,
        thematiqueIds: meetingThematiques, declaredTotal, attendance, ateliers, restitutionReceived: rng.chance(0.85),
        notes: rng.chance(0.2) ? sentence(rng) : '',
      };
      const id = insertMeeting(db, m, now);
      digest({ id, ...m });
      meetingIds.push(id);
      meetingInfo.push({ place, thematiques: meetingThematiques, uai: etab?.uai ?? null });
      push(meetingsOfAcademie, place.academie, meetingIds.length - 1);
      tally(regions, place.region, level, attendance, second ? (declaredTotal ?? sum) : 0);
      byLevel[level]++;
      counts.ateliers += ateliers.length;
      covered.academies.add(place.academie);
      if (m.departementCode) covered.departements.add(m.departementCode);
      tick('Rencontres');
    }

    // Contributions: each cites one meeting, sometimes two or three of the same académie; a proposition
    // often answers a défi of its thématique; about one in twelve is kept for the synthesis.
    const kindChoice = new WeightedChoice(KINDS.map((k) => k[1]));
    const positions = new Map<number, number>();
    const defis = new Map<number, number[]>();
    for (let i = 0; i < count.contributions; i++) {
      const first = rng.int(0, meetingIds.length - 1);
      const info = meetingInfo[first]!;
      const sources = [first, ...(rng.chance(0.2) ? rng.some(meetingsOfAcademie.get(info.place.academie)!, rng.int(1, 2)) : [])];
      const thematiqueId = rng.pick(info.thematiques);
      const kind = KINDS[kindChoice.index(rng)]![0];
      const answered = defis.get(thematiqueId) ?? [];
      const position = positions.get(thematiqueId) ?? 0;
      positions.set(thematiqueId, position + 1);
      const c = {
        campaignId: campaign.id, thematiqueId, kind, text: kind === 'defi' ? rng.pick(DEFIS) : sentence(rng),
        heading: rng.chance(0.3) ? rng.pick(HEADINGS) : null,
        scale: kind === 'proposition' && rng.chance(0.7) ? rng.pick(SCALES) : null,
        parentId: kind === 'proposition' && answered.length > 0 && rng.chance(0.4) ? rng.pick(answered.slice(-50)) : null,
        sourceMeetingIds: [...new Set(sources.map((s) => meetingIds[s]!))], selected: rng.chance(0.08), position,
      };
      const id = insertContribution(db, c);
      digest({ id, ...c });
      if (kind === 'defi') defis.set(thematiqueId, [...answered.slice(-49), id]);
      if (c.selected) counts.selectedContributions++;
      tick('Contributions');
    }

    // Retex: most come from a meeting (an établissement's own, or one of its département's), with links.
    const retexPositions = new Map<number, number>();
    for (let i = 0; i < count.retex; i++) {
      const source = rng.chance(0.9) ? rng.int(0, meetingIds.length - 1) : null;
      const info = source === null ? null : meetingInfo[source]!;
      const thematiqueId = info ? rng.pick(info.thematiques) : rng.pick(thematiques);
      const departement = info?.place.departement ?? places[placeChoice.index(rng)]!.departement;
      const position = retexPositions.get(thematiqueId) ?? 0;
      retexPositions.set(thematiqueId, position + 1);
      const academie = (info?.place.academie ?? 'education').toLowerCase();
      const r = {
        campaignId: campaign.id, thematiqueId, title: `${capitalise(subject(rng))} : l’expérience de ${commune(rng)}`,
        text: sentence(rng), niveau: rng.pick(NIVEAUX), classes: rng.pick(CLASSES),
        etablissementUai: info?.uai ?? (rng.chance(0.5) ? rng.pick(etabs.get(departement)!).uai : null),
        sourceMeetingId: source === null ? null : meetingIds[source]!,
        links: Array.from({ length: rng.int(0, 3) }, (_, k) => {
          const [kind, label] = rng.pick(LINK_KINDS);
          return { kind, url: `https://pedagogie.ac-${academie}.fr/retex/${i + 1}/${k + 1}`, label };
        }),
        selected: rng.chance(0.02), position,
      };
      const id = insertRetex(db, r);
      digest({ id, ...r });
      if (r.selected) counts.selectedRetex++;
      tick('Retex');
    }

    // Texts written in the app, for the région and for each académie and département (they do not scale).
    const scopes = ['region', ...academies.map((a) => `academie:${a.academie}`), ...places.map((p) => `departement:${p.departement}`)];
    for (const scope of scopes) {
      for (const section of textSections) {
        for (const thematiqueId of section.scope === 'document' ? [null] : thematiques) {
          const t = {
            campaignId: campaign.id, scope, sectionKey: section.key, thematiqueId,
            text: `${sentence(rng)}\n{{concertations}} concertations ont réuni {{participants}} participants. ${sentence(rng)}`,
          };
          setSectionText(db, t);
          digest(t);
          counts.sectionTexts++;
        }
      }
    }
  });
  await call('settings.update', { regionCode, contact: 'dane@example.org', activeCampaignId: campaign.id });

  return {
    echelle, seed, campaignId: campaign.id, regionCode, counts, byLevel, regions,
    departementsCovered: covered.departements.size, academiesCovered: covered.academies.size,
    digest: hash.digest('hex'), ms: Date.now() - started,
  };
}

function tally(regions: Record<string, RegionTally>, region: string, level: MeetingLevel, attendance: Partial<Record<CategoryCode, number>>, participants: number) {
  const t = (regions[region] ??= {
    meetings: 0, byLevel: { etablissement: 0, bassin: 0, departemental: 0, academique: 0, regional: 0 }, secondLevelParticipants: 0,
    categories: Object.fromEntries(CATEGORY_CODES.map((c) => [c, 0])) as Record<CategoryCode, number>,
  });
  t.meetings++;
  t.byLevel[level]++;
  t.secondLevelParticipants += participants;
  if (level === 'departemental' || level === 'academique' || level === 'etablissement') {
    for (const [code, n] of Object.entries(attendance) as [CategoryCode, number][]) t.categories[code] += n;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
