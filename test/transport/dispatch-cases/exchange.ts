/** Dispatcher cases: identité du catalogue et échanges entre postes */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { DispatchHarness } from '../../support/dispatch-harness.ts';
import { newLaptop, send } from '../../support/exchange.ts';
import { aMeeting } from '../../support/valid-inputs.ts';
import type { CaseGroup } from './case.ts';

const vienne = { regionCode: 'NAQ', departementCode: '86', name: 'DSDEN de la Vienne' };

async function setUp(h: DispatchHarness) {
  return h.ok('identity.setup', { regionCode: 'NAQ', academieCode: 'POITIERS', name: 'DANE de Poitiers' });
}

/** A bundle from a DSDEN holding one meeting, and that DSDEN. */
async function bundleFromVienne() {
  const dsden = await newLaptop(vienne);
  const campaignId = (await dsden.call('settings.get', {})).activeCampaignId!;
  const meeting = await dsden.call('meetings.create', aMeeting(campaignId, { departementCode: '86', declaredTotal: 90 }));
  return { dsden, meeting, path: await send(dsden, 'departement:86') };
}

/** A conflict: the same meeting's total changed here and at the DSDEN. */
async function conflictHere(h: DispatchHarness) {
  await setUp(h);
  const { dsden, meeting, path } = await bundleFromVienne();
  await h.ok('exchange.merge', { path });
  const campaignId = (await h.ok('settings.get', {})).activeCampaignId!;
  const local = ((await h.ok('meetings.list', { campaignId, limit: 500 })).items)[0]!;
  await h.ok('meetings.update', { id: local.id, declaredTotal: 91 });
  await dsden.call('meetings.update', { id: meeting.id, declaredTotal: 95 });
  const report = await h.ok('exchange.merge', { path: await send(dsden, 'departement:86') });
  return { report, local };
}

export const exchangeCases = {
  'identity.get': {
    valid: async (h) => {
      expect(await h.ok('identity.get', {})).toBeNull();
      const created = await setUp(h);
      expect(await h.ok('identity.get', {})).toEqual(created);
    },
    invalid: async (h) => {
      await h.refuse('identity.get', 'moi', { code: 'INVALID_INPUT', path: '', message: /objet attendu/ });
    },
  },
  'identity.setup': {
    valid: async (h) => {
      const identity = await h.ok('identity.setup', vienne);
      expect(identity).toMatchObject({ name: 'DSDEN de la Vienne', scopeKind: 'departement', scopeCode: '86', scopeLabel: 'Vienne (86)', regionCode: 'NAQ', isDemo: false });
      expect(identity.fingerprint).toMatch(/^[0-9A-F]{4} [0-9A-F]{4} [0-9A-F]{4} [0-9A-F]{4}$/);
      expect((await h.ok('campaigns.list', {})).map((c) => c.slug).sort()).toEqual(['concertation-2015', 'egn-2020']);
      expect((await h.ok('settings.get', {})).regionCode).toBe('NAQ');
    },
    invalid: async (h) => {
      await h.refuse('identity.setup', { ...vienne, name: '  ' }, { code: 'INVALID_INPUT', path: 'name', message: 'ce champ ne peut pas être vide' });
      await h.refuse('identity.setup', { ...vienne, departementCode: '29' }, { code: 'CONFLICT', message: /Finistère \(29\) n’est pas dans la région académique Nouvelle-Aquitaine/ });
      await h.refuse('identity.setup', { ...vienne, academieCode: 'POITIERS' }, { code: 'INVALID_INPUT', path: '', message: /une académie ou un département, pas les deux/ });
      await h.ok('identity.setup', vienne);
      await h.refuse('identity.setup', vienne, { code: 'CONFLICT', message: /contient déjà des données|est déjà « DSDEN de la Vienne »/ });
    },
  },
  'identity.loadDemo': {
    valid: async (h) => {
      const identity = await h.ok('identity.loadDemo', {});
      expect(identity).toMatchObject({ isDemo: true, scopeKind: 'region', regionCode: 'NAQ' });
      expect((await h.ok('catalogue.info', {})).meetings).toBe(85);
    },
    invalid: async (h) => {
      await setUp(h);
      await h.refuse('identity.loadDemo', {}, { code: 'CONFLICT', message: 'La démonstration ne s’ouvre que dans un catalogue neuf.' });
    },
  },
  'identity.leaveDemo': {
    valid: async (h) => {
      h.ctx.documentsDir = h.tempDir();
      await h.ok('identity.loadDemo', {});
      const { identity, demoCopy } = await h.ok('identity.leaveDemo', vienne);
      expect(identity).toMatchObject({ isDemo: false, name: 'DSDEN de la Vienne' });
      expect(demoCopy).toMatch(/sauvegardes\/catalogue-.*\.sqlite$/);
      expect((await h.ok('catalogue.info', {})).meetings).toBe(0);
    },
    invalid: async (h) => {
      await setUp(h);
      await h.refuse('identity.leaveDemo', vienne, { code: 'CONFLICT', message: 'n’est pas la démonstration' });
    },
  },
  'exchange.overview': {
    valid: async (h) => {
      await setUp(h);
      await h.ok('exchange.merge', { path: (await bundleFromVienne()).path });
      const overview = await h.ok('exchange.overview', {});
      expect(overview.identity!.name).toBe('DANE de Poitiers');
      expect(overview.peers.map((p) => p.name)).toEqual(['DSDEN de la Vienne']);
      expect(overview.log[0]).toMatchObject({ direction: 'received', peerName: 'DSDEN de la Vienne', added: 1 });
      expect(overview.publishName).toMatch(/^DANE-de-Poitiers-[0-9a-f]{8}\.synthese$/);
    },
    invalid: async (h) => {
      await h.refuse('exchange.overview', {}, { code: 'CONFLICT', message: /n’a pas encore d’identité/ });
    },
  },
  'exchange.export': {
    valid: async (h) => {
      await setUp(h);
      const out = join(h.tempDir(), 'poitiers.synthese');
      const written = await h.ok('exchange.export', { outPath: out, scope: 'academie:poitiers' });
      expect(written).toMatchObject({ path: out, scope: 'academie:POITIERS' });
      expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    },
    invalid: async (h) => {
      await setUp(h);
      await h.refuse('exchange.export', { outPath: join(h.tempDir(), 'x.zip') }, { code: 'FILE', message: 'doit se terminer par .synthese' });
      await h.refuse('exchange.export', { outPath: 'x.synthese', scope: 'commune:Poitiers' }, { code: 'INVALID_INPUT', path: 'scope', message: /périmètre invalide/ });
    },
  },
  'exchange.preview': {
    valid: async (h) => {
      await setUp(h);
      const { path } = await bundleFromVienne();
      const report = await h.ok('exchange.preview', { path });
      expect(report).toMatchObject({ added: 1, dryRun: true, key: 'new', source: { name: 'DSDEN de la Vienne', scopeLabel: 'Vienne (86)' } });
      expect((await h.ok('catalogue.info', {})).meetings).toBe(0);
    },
    invalid: async (h) => {
      await setUp(h);
      const bad = join(h.tempDir(), 'abime.synthese');
      writeFileSync(bad, 'PK\u0003\u0004 tronqué');
      await h.refuse('exchange.preview', { path: bad }, { code: 'FILE', message: /refusé : ce n’est pas un paquet d’échange lisible/ });
      await h.refuse('exchange.preview', { path: bad, fileName: 'x.synthese', contentBase64: 'UEs=' }, { code: 'INVALID_INPUT', path: '', message: /soit le chemin du fichier/ });
    },
  },
  'exchange.merge': {
    valid: async (h) => {
      await setUp(h);
      const { path } = await bundleFromVienne();
      const report = await h.ok('exchange.merge', { fileName: 'vienne.synthese', contentBase64: readFileSync(path).toString('base64') });
      expect(report).toMatchObject({ added: 1, updated: 0, conflicts: [], dryRun: false });
      expect(report.source.fingerprint).toMatch(/^[0-9A-F]{4} [0-9A-F]{4} /);
      expect((await h.ok('catalogue.info', {})).meetings).toBe(1);
      // A bare name is read where the app writes one: in the documents folder.
      h.ctx.documentsDir = h.tempDir();
      writeFileSync(join(h.ctx.documentsDir, 'vienne.synthese'), readFileSync(path));
      expect(await h.ok('exchange.merge', { path: 'vienne.synthese' })).toMatchObject({ added: 0, unchanged: expect.any(Number) });
    },
    invalid: async (h) => {
      await h.ok('identity.setup', { regionCode: 'BRE', name: 'Région académique Bretagne' });
      const { path } = await bundleFromVienne();
      await h.refuse('exchange.merge', { path }, { code: 'CONFLICT', message: /il vient de la région académique Nouvelle-Aquitaine, ce catalogue est celui de la région académique Bretagne/ });
    },
  },
  'exchange.conflicts': {
    valid: async (h) => {
      const { report } = await conflictHere(h);
      const conflicts = await h.ok('exchange.conflicts', {});
      expect(conflicts).toEqual(report.conflicts);
      expect(conflicts[0]).toMatchObject({ kind: 'meeting', field: 'declaredTotal', fieldLabel: 'Effectif déclaré', local: '91', incoming: '95', peerName: 'DSDEN de la Vienne' });
    },
    invalid: async (h) => {
      await h.refuse('exchange.conflicts', [], { code: 'INVALID_INPUT', path: '', message: /objet attendu/ });
    },
  },
  'exchange.resolve': {
    valid: async (h) => {
      const { report, local } = await conflictHere(h);
      expect(await h.ok('exchange.resolve', { id: report.conflicts[0]!.id!, keep: 'recu' })).toEqual({ remaining: 0 });
      expect((await h.ok('meetings.get', { id: local.id })).declaredTotal).toBe(95);
    },
    invalid: async (h) => {
      const { report } = await conflictHere(h);
      await h.refuse('exchange.resolve', { id: report.conflicts[0]!.id!, keep: 'les deux' }, { code: 'INVALID_INPUT', path: 'keep', message: /local|recu/ });
      await h.refuse('exchange.resolve', { id: 4040, keep: 'local' }, { code: 'NOT_FOUND', message: 'Conflit introuvable' });
    },
  },
  'exchange.setFolder': {
    valid: async (h) => {
      await setUp(h);
      const folder = h.tempDir();
      expect(await h.ok('exchange.setFolder', { folder })).toEqual({ folder });
      expect((await h.ok('exchange.overview', {})).folder).toBe(folder);
      expect(await h.ok('exchange.setFolder', { folder: null })).toEqual({ folder: null });
    },
    invalid: async (h) => {
      await setUp(h);
      await h.refuse('exchange.setFolder', { folder: join(h.tempDir(), 'absent') }, { code: 'FILE', message: /Dossier introuvable/ });
    },
  },
  'exchange.publish': {
    valid: async (h) => {
      await setUp(h);
      const folder = h.tempDir();
      await h.ok('exchange.setFolder', { folder });
      const first = await h.ok('exchange.publish', {});
      expect(first.path).toBe(join(folder, (await h.ok('exchange.overview', {})).publishName!));
      expect(first.scope).toBe('academie:POITIERS');
      // The same stable name, replaced.
      expect((await h.ok('exchange.publish', {})).path).toBe(first.path);
    },
    invalid: async (h) => {
      await setUp(h);
      await h.refuse('exchange.publish', {}, { code: 'CONFLICT', message: 'Aucun dossier partagé choisi' });
    },
  },
  'exchange.inbox': {
    valid: async (h) => {
      await setUp(h);
      const folder = h.tempDir();
      await h.ok('exchange.setFolder', { folder });
      const { path } = await bundleFromVienne();
      writeFileSync(join(folder, 'vienne.synthese'), readFileSync(path));
      writeFileSync(join(folder, 'coupe.synthese'), readFileSync(path).subarray(0, 100));
      await h.ok('exchange.publish', {});
      const inbox = await h.ok('exchange.inbox', {});
      expect(inbox.map((b) => [b.fileName, b.status])).toEqual([
        ['DANE-de-Poitiers-' + (await h.ok('identity.get', {}))!.uid.slice(0, 8) + '.synthese', 'le-mien'],
        ['coupe.synthese', 'illisible'], ['vienne.synthese', 'nouveau'],
      ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)));
      await h.ok('exchange.merge', { path: join(folder, 'vienne.synthese') });
      expect((await h.ok('exchange.inbox', {})).find((b) => b.fileName === 'vienne.synthese')!.status).toBe('fusionne');
    },
    invalid: async (h) => {
      await h.refuse('exchange.inbox', {}, { code: 'CONFLICT', message: /n’a pas encore d’identité/ });
      await setUp(h);
      const folder = join(h.tempDir(), 'partage');
      mkdirSync(folder);
      await h.ok('exchange.setFolder', { folder });
      const { rmSync } = await import('node:fs');
      rmSync(folder, { recursive: true });
      await h.refuse('exchange.inbox', {}, { code: 'FILE', message: /Le dossier partagé .* est introuvable/ });
    },
  },
  'exchange.provenance': {
    valid: async (h) => {
      await setUp(h);
      await h.ok('exchange.merge', { path: (await bundleFromVienne()).path });
      const campaignId = (await h.ok('settings.get', {})).activeCampaignId!;
      const [meeting] = (await h.ok('meetings.list', { campaignId, limit: 500 })).items;
      const provenance = await h.ok('exchange.provenance', { kind: 'meeting', id: meeting!.id });
      expect(provenance.summary).toBe('reçu de « DSDEN de la Vienne » le 20\u00a0octobre 2020');
      expect(provenance.createdIn).toBe('DSDEN de la Vienne');
    },
    invalid: async (h) => {
      await setUp(h);
      await h.refuse('exchange.provenance', { kind: 'rencontre', id: 1 }, { code: 'INVALID_INPUT', path: 'kind', message: /meeting/ });
    },
  },
} satisfies CaseGroup;
