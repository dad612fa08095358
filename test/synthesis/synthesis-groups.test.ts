/**
 * Issue 13 in the synthesis: a retained group prints once under its wording, its members not one by one;
 * a section may order its items by how many meetings raised them and say so (« évoquée dans 2 rencontres
 * (Charente, Vienne) »), the same in the preview and in the Word document; the Word document carries no id.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertGroup, setGroupOf } from '../../src-main/catalogue/repos/group.repo.ts';
import type { Trame } from '../../src-main/contract/schemas/trame.ts';
import { demoCatalogue, type TestCatalogue } from '../support/catalogue.ts';
import { convertWithLibreOffice, docxPart } from '../support/office.ts';

let demo: TestCatalogue & { campaignId: number };
let t5: number;
let t1: number;
let trame: Trame;
const GROUP = 'Harmoniser les outils et doter chaque établissement d’un protocole';
const WIDE = 'Garantir partout le débit, le wifi et des projets menés à terme';
const TREIZE = 'Rendre outils et pratiques plus homogènes';
const QUATORZE = 'Doter chaque établissement d’un protocole';
const COMITE = 'Créer, au niveau de chaque région, un comité des partenaires';
/** Spaces as a reader sees them: the renderers put French no-break spaces where typography wants them. */
const plain = (s: string) => s.replace(/[\u00A0\u202F]/g, ' ').replace(/\s+/g, ' ');
const visible = (html: string) => plain(html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, '’'));

beforeAll(async () => {
  demo = await demoCatalogue();
  const campaign = await demo.call('campaigns.get', { id: demo.campaignId });
  t1 = campaign.thematiques.find((t) => t.number === 1)!.id;
  t5 = campaign.thematiques.find((t) => t.number === 5)!.id;
  // Thématique 5's propositions 133 (Vienne) and 134 (Charente, Vienne) say the same thing: retained as one.
  const key = { campaignId: demo.campaignId, thematiqueId: t5, kind: 'proposition' as const };
  setGroupOf(demo.db, [133, 134], insertGroup(demo.db, { ...key, wording: GROUP, review: 'retenue' }));
  // Thématique 1's 18 (Dordogne, Lot-et-Garonne, Charente) and 19 (Charente-Maritime): four départements.
  setGroupOf(demo.db, [18, 19], insertGroup(demo.db, { ...key, thematiqueId: t1, wording: WIDE, review: 'retenue' }));
  // A group still to review changes nothing: its members print one by one.
  setGroupOf(demo.db, [16, 17], insertGroup(demo.db, { ...key, thematiqueId: t1, wording: 'Groupe proposé, pas encore lu' }));
  const [preset] = await demo.call('trames.list', { campaignId: demo.campaignId });
  trame = await demo.call('trames.duplicate', { id: preset!.id, name: 'Trame ordonnée par rencontres' });
});

const preview = async (trameId: number, scope = 'region', thematique?: number) =>
  (await demo.call('synthesis.preview', { campaignId: demo.campaignId, trameId, scope, ...(thematique ? { thematique } : {}) } as never)).html;

/** The `<li>` items of the preview's « Défis à relever et propositions » section, as text. */
function items(html: string): string[] {
  const start = html.indexOf('Défis à relever');
  const end = html.indexOf('<h', start);
  return [...html.slice(start, end === -1 ? undefined : end).matchAll(/<li[^>]*>(.*?)<\/li>/g)].map((m) => visible(m[1]!).trim());
}

describe('retained groups', () => {
  it('print once under their wording, in their first member’s place; their members are not printed', async () => {
    const html = await preview(trame.id, 'region', 5);
    const printed = items(html);
    expect(printed.filter((i) => i === GROUP)).toHaveLength(1);
    expect(printed.some((i) => i.startsWith(TREIZE))).toBe(false);
    expect(printed.some((i) => i.startsWith(QUATORZE))).toBe(false);
    // Where 133 stood: first, before 135.
    expect(printed.indexOf(GROUP)).toBeLessThan(printed.findIndex((i) => i.startsWith(COMITE)));
    expect(html).toMatch(new RegExp(`<li class="synthese-source" data-group-id="\\d+" tabindex="0">${GROUP.slice(0, 20)}`));
    expect(html).toMatch(/<li class="synthese-source" data-contribution-id="135" tabindex="0">/);
    // Off (the trame as it was): no « évoquée dans ».
    expect(html).not.toContain('évoquée dans');
  });

  it('leave a group still to review printed as its members, one by one', async () => {
    const printed = items(await preview(trame.id, 'region', 1));
    expect(printed.some((i) => i.startsWith('Rapprocher l’État, les collectivités'))).toBe(true); // 16
    expect(printed.some((i) => i.startsWith('Veiller à ce que les dispositifs'))).toBe(true); // 17
    expect(printed).not.toContain('Groupe proposé, pas encore lu');
    expect(printed).toContain(WIDE);
    expect(printed.some((i) => i.startsWith('Garantir une couverture wifi'))).toBe(false); // 18
  });

  it('leave the Word file as it was, byte for byte, while none is retained and the option is off', async () => {
    const [preset] = await demo.call('trames.list', { campaignId: demo.campaignId });
    const generate = async () => {
      const { documents } = await demo.call('synthesis.generate', { campaignId: demo.campaignId, trameId: preset!.id, outputDir: mkdtempSync(join(tmpdir(), 'synthese-groupes-')), thematique: 2 } as never);
      return readFileSync(documents.find((d) => d.thematiqueNumber === 2)!.path);
    };
    const before = await generate();
    const t2 = (await demo.call('campaigns.get', { id: demo.campaignId })).thematiques.find((t) => t.number === 2)!.id;
    const proposed = insertGroup(demo.db, { campaignId: demo.campaignId, thematiqueId: t2, kind: 'proposition', wording: 'Former, encore former' });
    setGroupOf(demo.db, [60, 61, 62], proposed);
    try {
      expect((await generate()).equals(before)).toBe(true);
    } finally {
      setGroupOf(demo.db, [60, 61, 62], null);
    }
  });

  it('belong to a scope where one of their members was raised, and only there', async () => {
    // Lot-et-Garonne: 135 was raised there, the group's members were not.
    const lot = items(await preview(trame.id, 'departement:47', 5));
    expect(lot).not.toContain(GROUP);
    expect(lot.some((i) => i.startsWith(COMITE))).toBe(true);
    expect(items(await preview(trame.id, 'departement:86', 5))).toContain(GROUP);
  });
});

describe('ordered by meetings, « évoquée dans N rencontres »', () => {
  let counted: Trame;
  beforeAll(async () => {
    counted = await demo.call('trames.update', {
      id: trame.id,
      sections: trame.sections.map((s) => (s.source === 'defis_propositions' || s.source === 'contributions' ? { ...s, meetingCounts: true } : s)),
    });
  });

  it('is kept by the trame', () => {
    expect(counted.sections.filter((s) => s.meetingCounts).map((s) => s.key)).toEqual(['etat_des_lieux', 'actions', 'defis_propositions']);
  });

  it('orders by distinct meetings (then as written) and says where, within the scope', async () => {
    const region = items(await preview(trame.id, 'region', 5));
    expect(region).toHaveLength(2);
    expect(region[0]).toMatch(new RegExp(`^${COMITE}.* — évoquée dans 3 rencontres \\(Charente, Lot-et-Garonne, Vienne\\)$`));
    expect(region[1]).toBe(`${GROUP} — évoquée dans 2 rencontres (Charente, Vienne)`);
    // Counted within the scope: the académie of Poitiers held the comité's Charente and Vienne meetings only;
    // two each, so as written: the group (in 133's place) first.
    const poitiers = items(await preview(trame.id, 'academie:POITIERS', 5));
    expect(poitiers).toEqual([
      `${GROUP} — évoquée dans 2 rencontres (Charente, Vienne)`,
      expect.stringMatching(new RegExp(`^${COMITE}.* — évoquée dans 2 rencontres \\(Charente, Vienne\\)$`)),
    ]);
    // One meeting: singular, one name.
    const lot = items(await preview(trame.id, 'departement:47', 5));
    expect(lot).toEqual([expect.stringMatching(new RegExp(`^${COMITE}.* — évoquée dans 1 rencontre \\(Lot-et-Garonne\\)$`))]);
  });

  it('names three places at most, then « … »', async () => {
    const printed = items(await preview(trame.id, 'region', 1));
    expect(printed).toContain(`${WIDE} — évoquée dans 4 rencontres (Charente, Charente-Maritime, Dordogne…)`);
  });

  it('says the same in the Word document, with no id in it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'synthese-groupes-'));
    const { documents } = await demo.call('synthesis.generate', { campaignId: demo.campaignId, trameId: trame.id, outputDir: dir, thematique: 5 } as never);
    const docx = documents.find((d) => d.thematiqueNumber === 5)!.path;
    const text = plain(readFileSync(convertWithLibreOffice(docx, 'txt:Text'), 'utf8'));
    expect(text).toContain(`${GROUP} — évoquée dans 2 rencontres (Charente, Vienne)`);
    expect(text).toMatch(/évoquée dans 3 rencontres \(Charente, Lot-et-Garonne, Vienne\)/);
    expect(text.indexOf('évoquée dans 3 rencontres')).toBeLessThan(text.indexOf(GROUP));
    expect(text).not.toContain(TREIZE);
    const body = await docxPart(docx, 'word/document.xml');
    expect(body).not.toMatch(/data-|group-id|contribution-id/);
  });
});
