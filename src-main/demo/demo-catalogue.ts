/**
 * Builds the demo catalogue (Nouvelle-Aquitaine 2020, seed 004) through the service contract itself,
 * so the demo exercises exactly what the UI will call.
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { assetPath } from '../catalogue/paths.ts';
import type { OperationInput, OperationName, OperationOutput } from '../contract/operations.ts';

export const DEMO_NAME = 'Démonstration — Nouvelle-Aquitaine 2020';

export type Call = <N extends OperationName>(name: N, input: OperationInput<N>) => Promise<OperationOutput<N>>;

const Key = z.string().min(1);
const DemoFile = z.object({
  campaign: z.string(),
  region: z.object({ code: z.string(), contact: z.string() }),
  descriptif: z.array(z.string()),
  bassins: z.array(z.object({ key: Key, departement: z.string(), kind: z.enum(['ZAP', 'ECLORE']), nom: z.string() })),
  etablissements: z.array(
    z.object({ uai: z.string(), nom: z.string(), type: z.string(), commune: z.string(), departement: z.string(), bassin: Key.optional() }),
  ),
  meetings: z.array(
    z.object({
      key: Key, level: z.string(), academie: z.string(), departement: z.string().nullable(), bassin: Key.nullable(),
      etablissement: z.string().nullable().optional(),
      title: z.string(), date: z.string(), lieu: z.string(), format: z.string(), thematiques: z.array(z.number()),
      declaredTotal: z.number().nullable(), attendance: z.record(z.string(), z.number()),
      ateliers: z.array(z.object({ thematique: z.number(), defi: z.string(), participants: z.number().nullable() })),
      restitutionReceived: z.boolean(),
    }),
  ),
  retex: z.array(
    z.object({
      thematique: z.number(), title: z.string(), text: z.string(), niveau: z.string().nullable(),
      classes: z.string().nullable(), etablissement: z.string().nullable(), sourceMeeting: Key.nullable(),
      links: z.array(z.object({ kind: z.string(), url: z.string(), label: z.string() })),
      selected: z.boolean(), order: z.number(),
    }),
  ),
  contributions: z.array(
    z.object({
      thematique: z.number(), kind: z.string(), text: z.string(), heading: z.string().nullable(),
      scale: z.string().nullable(), sourceMeetings: z.array(Key), selected: z.boolean(), order: z.number(),
    }),
  ),
  sectionTexts: z.array(z.object({ thematique: z.number(), section: z.string(), text: z.string() })),
});
export type DemoFile = z.infer<typeof DemoFile>;

export function readDemoFile(path = assetPath('demo', 'nouvelle-aquitaine-2020.json')): DemoFile {
  return DemoFile.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** Every demo shipped: the 2020 regional synthesis (made active), and the 2015 établissement meetings. */
export async function loadDemos(call: Call): Promise<number> {
  const path2015 = assetPath('demo', 'concertation-2015.json');
  if (existsSync(path2015)) await loadDemo(call, readDemoFile(path2015));
  return loadDemo(call);
}

export interface LoadOptions {
  /**
   * Meetings this demo's records cite that another catalogue created and a bundle brought here
   * (the demo split between laptops): found again by level, date and title.
   */
  elsewhere?: DemoFile['meetings'];
}

/** Loads one demo into the catalogue and makes its campaign the active one; returns its id. */
export async function loadDemo(call: Call, demo = readDemoFile(), options: LoadOptions = {}): Promise<number> {
  // A catalogue that starts as the demo says so (a banner, until one leaves it for one's own).
  if ((await call('identity.get', {})) === null) {
    await call('identity.setup', { regionCode: demo.region.code, name: DEMO_NAME, demo: true });
  }
  const campaign = await call('campaigns.installPreset', { slug: demo.campaign });
  const campaignId = campaign.id;
  const thematique = (n: number) => {
    const t = campaign.thematiques.find((x) => x.number === n);
    if (!t) throw new Error(`Démo : thématique ${n} absente de la consultation`);
    return t.id;
  };
  await call('settings.update', {
    regionCode: demo.region.code, activeCampaignId: campaignId, ...(demo.region.contact ? { contact: demo.region.contact } : {}),
  });
  // The descriptif goes to the trame's first text section of the document ("descriptif", "presentation").
  const [trame] = await call('trames.list', { campaignId });
  const textSection = trame?.sections.find((s) => s.scope === 'document' && s.source === 'text');
  if (textSection && demo.descriptif.length > 0) {
    await call('sectionTexts.set', { campaignId, sectionKey: textSection.key, thematiqueId: null, text: demo.descriptif.join('\n') });
  }

  const bassins = new Map<string, number>();
  for (const b of demo.bassins) {
    bassins.set(b.key, (await call('bassins.create', { departementCode: b.departement, kind: b.kind, nom: b.nom })).id);
  }
  for (const e of demo.etablissements) {
    await call('etablissements.create', {
      uai: e.uai, nom: e.nom, type: e.type as never, commune: e.commune, departementCode: e.departement,
      bassinId: e.bassin ? bassins.get(e.bassin)! : null,
    });
  }
  const meetings = new Map<string, number>();
  for (const m of demo.meetings) {
    const created = await call('meetings.create', {
      campaignId, level: m.level as never, title: m.title, date: m.date, lieu: m.lieu, format: m.format as never,
      academieCode: m.academie, departementCode: m.departement, bassinId: m.bassin ? bassins.get(m.bassin)! : null,
      etablissementUai: m.etablissement ?? null,
      thematiqueIds: m.thematiques.map(thematique), declaredTotal: m.declaredTotal, attendance: m.attendance,
      ateliers: m.ateliers.map((a) => ({ thematiqueId: thematique(a.thematique), defi: a.defi, participants: a.participants })),
      restitutionReceived: m.restitutionReceived,
    });
    meetings.set(m.key, created.id);
  }
  if (options.elsewhere) {
    const here = await allMeetings(call, campaignId);
    for (const m of options.elsewhere) {
      const found = here.find((h) => h.level === m.level && h.date === m.date && h.title === m.title);
      if (found && !meetings.has(m.key)) meetings.set(m.key, found.id);
    }
  }
  const meeting = (key: string) => {
    const id = meetings.get(key);
    if (id === undefined) throw new Error(`Démo : rencontre « ${key} » inconnue`);
    return id;
  };
  for (const r of demo.retex) {
    await call('retex.create', {
      campaignId, thematiqueId: thematique(r.thematique), title: r.title, text: r.text, niveau: r.niveau, classes: r.classes,
      etablissementUai: r.etablissement, sourceMeetingId: r.sourceMeeting ? meeting(r.sourceMeeting) : null,
      links: r.links.map((l) => ({ kind: l.kind as never, url: l.url, label: l.label })), selected: r.selected, position: r.order,
    });
  }
  for (const c of demo.contributions) {
    await call('contributions.create', {
      campaignId, thematiqueId: thematique(c.thematique), kind: c.kind as never, text: c.text, heading: c.heading,
      scale: c.scale as never, sourceMeetingIds: c.sourceMeetings.map(meeting), selected: c.selected, position: c.order,
    });
  }
  for (const s of demo.sectionTexts) {
    await call('sectionTexts.set', { campaignId, sectionKey: s.section, thematiqueId: thematique(s.thematique), text: s.text });
  }
  // A few restitutions as typed, to read and cut (issue 13): for the meetings this catalogue created.
  const created = new Set(demo.meetings.map((m) => m.key));
  for (const r of demoRestitutions(demo.campaign)) {
    if (created.has(r.meeting)) await call('restitutions.add', { meetingId: meeting(r.meeting), text: r.text });
  }
  return campaignId;
}

const DemoRestitutions = z.object({ restitutions: z.array(z.object({ meeting: z.string(), text: z.string() })) });

/** The restitutions shipped with a demo consultation (none for a consultation without them). */
function demoRestitutions(campaignSlug: string): z.infer<typeof DemoRestitutions>['restitutions'] {
  const path = assetPath('demo', `restitutions-${campaignSlug === 'egn-2020' ? '2020' : campaignSlug}.json`);
  return existsSync(path) ? DemoRestitutions.parse(JSON.parse(readFileSync(path, 'utf8'))).restitutions : [];
}

/** Every meeting of a consultation, page by page (a list answers one page at a time). */
async function allMeetings(call: Call, campaignId: number): Promise<OperationOutput<'meetings.list'>['items']> {
  const all: OperationOutput<'meetings.list'>['items'] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await call('meetings.list', { campaignId, offset, limit: 500 });
    all.push(...page.items);
    if (all.length >= page.total || page.items.length === 0) return all;
  }
}
