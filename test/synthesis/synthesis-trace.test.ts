/**
 * Issue 13's acceptance: « a synthesis whose every proposition traces back to its meetings ». Every
 * statement the preview prints carries its origin; `contributions.trace` gives back its contributions, their
 * meetings and, for one cut from a restitution, the passage and the file it came from.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { insertGroup, setGroupOf } from '../../src-main/catalogue/repos/group.repo.ts';
import { demoCatalogue, type TestCatalogue } from '../support/catalogue.ts';

let demo: TestCatalogue & { campaignId: number };
let groupId: number;
let cutId: number;
const PASSAGE = 'Mutualiser les ressources numériques entre établissements voisins, avec un référent commun.';

beforeAll(async () => {
  demo = await demoCatalogue();
  const campaign = await demo.call('campaigns.get', { id: demo.campaignId });
  const t5 = campaign.thematiques.find((t) => t.number === 5)!.id;
  // A restitution of the Vienne's meeting (77), a proposition cut from it and retained.
  const restitution = await demo.call('restitutions.add', {
    meetingId: 77, fileName: 'restitution-vienne.txt', contentBase64: Buffer.from(`Compte rendu\n\n${PASSAGE}\n`).toString('base64'),
  });
  const index = restitution.passages.findIndex((p) => p.text === PASSAGE);
  const cut = await demo.call('restitutions.cut', {
    restitutionId: restitution.id, start: { passage: index, offset: 0 }, end: { passage: index, offset: PASSAGE.length }, thematiqueId: t5, kind: 'proposition',
  });
  cutId = cut.id;
  await demo.call('contributions.review', { ids: [cutId], review: 'retenue' });
  // Retained with 133 and 134 under one wording.
  groupId = insertGroup(demo.db, { campaignId: demo.campaignId, thematiqueId: t5, kind: 'proposition', wording: 'Coopérer entre établissements', review: 'retenue' });
  setGroupOf(demo.db, [133, 134, cutId], groupId);
});

type Ref = { groupId: number } | { contributionId: number };
function printedRefs(html: string): Ref[] {
  return [...html.matchAll(/data-(group|contribution)-id="(\d+)"/g)].map((m) => (m[1] === 'group' ? { groupId: Number(m[2]) } : { contributionId: Number(m[2]) }));
}

describe('tracing a synthesis back to its meetings', () => {
  it('marks every printed contribution or group, each once, and nothing selected is left unprinted', async () => {
    const { html } = await demo.call('synthesis.preview', { campaignId: demo.campaignId, scope: 'region' });
    const refs = printedRefs(html);
    const printedContributions = refs.flatMap((r) => ('contributionId' in r ? [r.contributionId] : []));
    expect(new Set(printedContributions).size).toBe(printedContributions.length);
    expect(refs.filter((r) => 'groupId' in r && r.groupId === groupId)).toHaveLength(1);
    // Every selected contribution of the kinds the trame prints is there, itself or through its group.
    const members = new Set([133, 134, cutId]);
    const selected = demo.db
      .prepare(`SELECT id FROM contribution WHERE campaign_id = ? AND selected = 1 AND kind IN ('etat_des_lieux', 'action', 'defi', 'proposition')`)
      .pluck()
      .all(demo.campaignId) as number[];
    expect(selected.length).toBeGreaterThan(50);
    for (const id of selected) expect(members.has(id) || printedContributions.includes(id), `contribution ${id}`).toBe(true);
    for (const id of members) expect(printedContributions).not.toContain(id);
  });

  it('traces every printed statement to at least one meeting when its contributions name one', async () => {
    const { html } = await demo.call('synthesis.preview', { campaignId: demo.campaignId, scope: 'region' });
    const refs = printedRefs(html);
    expect(refs.length).toBeGreaterThan(50);
    let withMeetings = 0;
    for (const ref of refs) {
      const trace = await demo.call('contributions.trace', ref);
      expect(trace.sources.length, JSON.stringify(ref)).toBeGreaterThan(0);
      const sourced = trace.sources.some((s) => s.meetings.length > 0);
      const named = demo.db
        .prepare('SELECT count(*) FROM contribution_source WHERE contribution_id IN (SELECT value FROM json_each(?))')
        .pluck()
        .get(JSON.stringify(trace.sources.map((s) => s.contributionId))) as number;
      expect(sourced, JSON.stringify(ref)).toBe(named > 0);
      if (sourced) {
        withMeetings++;
        expect(trace.reach.meetings).toBeGreaterThan(0);
        for (const s of trace.sources) for (const m of s.meetings) expect(m.title.length).toBeGreaterThan(0);
      }
    }
    expect(withMeetings).toBe(refs.length); // the demo's contributions all name their meetings
  });

  it('gives a group’s contributions, their meetings and the passage with its file', async () => {
    const trace = await demo.call('contributions.trace', { groupId });
    expect(trace.wording).toBe('Coopérer entre établissements');
    expect(trace.sources.map((s) => s.contributionId).sort((a, b) => a - b)).toEqual([133, 134, cutId].sort((a, b) => a - b));
    const cut = trace.sources.find((s) => s.contributionId === cutId)!;
    expect(cut.meetings).toEqual([expect.objectContaining({ id: 77, departement: 'Vienne' })]);
    expect(cut.passage).toMatchObject({ text: PASSAGE, fileName: 'restitution-vienne.txt', meetingId: 77 });
    expect(trace.reach).toMatchObject({ meetings: 2, departements: expect.arrayContaining(['Charente', 'Vienne']) });
  });
});
