/** Dispatcher cases: two consultations compared (the map of their thématiques, one thématique, its Word annex). */
import { existsSync } from 'node:fs';
import { expect } from 'vitest';
import { type DispatchHarness, installPreset } from '../../support/dispatch-harness.ts';
import { aContribution } from '../../support/valid-inputs.ts';
import { type CaseGroup } from './case.ts';

/** Both presets, and a proposition said in 2015 and again in 2020. */
async function pair(h: DispatchHarness) {
  const from = await installPreset(h, 'concertation-2015');
  const to = await installPreset(h, 'egn-2020');
  await h.ok('contributions.create', aContribution(from.campaignId, from.thematique(4), { kind: 'proposition', text: 'Prêter des ordinateurs portables aux familles sans équipement' }));
  await h.ok('contributions.create', aContribution(to.campaignId, to.thematique(1), { kind: 'proposition', text: 'Un prêt d’ordinateurs portables pour les familles sans équipement' }));
  return { from, to, request: { fromCampaignId: from.campaignId, toCampaignId: to.campaignId, toThematiqueId: to.thematique(1) } };
}

export const comparisonCases = {
  'comparison.map': {
    valid: async (h) => {
      const { from, to } = await pair(h);
      const map = await h.ok('comparison.map', { fromCampaignId: from.campaignId, toCampaignId: to.campaignId });
      expect(map.saved).toBe(false);
      expect(map.links).toContainEqual({ fromThematiqueId: from.thematique(4), toThematiqueId: to.thematique(1) });
    },
    invalid: async (h) => {
      const { from } = await pair(h);
      await h.refuse('comparison.map', { fromCampaignId: from.campaignId, toCampaignId: 'x' }, { code: 'INVALID_INPUT', path: 'toCampaignId', message: /nombre/ });
      await h.refuse('comparison.map', { fromCampaignId: from.campaignId, toCampaignId: from.campaignId }, { code: 'CONFLICT', message: 'deux consultations différentes' });
      await h.refuse('comparison.map', { fromCampaignId: from.campaignId, toCampaignId: 404 }, { code: 'NOT_FOUND', message: 'Consultation introuvable' });
    },
  },
  'comparison.saveMap': {
    valid: async (h) => {
      const { from, to } = await pair(h);
      const links = [{ fromThematiqueId: from.thematique(3), toThematiqueId: to.thematique(2) }];
      const saved = await h.ok('comparison.saveMap', { fromCampaignId: from.campaignId, toCampaignId: to.campaignId, links });
      expect(saved).toEqual({ fromCampaignId: from.campaignId, toCampaignId: to.campaignId, links, saved: true });
      expect(await h.ok('comparison.map', { fromCampaignId: from.campaignId, toCampaignId: to.campaignId })).toEqual(saved);
    },
    invalid: async (h) => {
      const { from, to } = await pair(h);
      await h.refuse(
        'comparison.saveMap',
        { fromCampaignId: from.campaignId, toCampaignId: to.campaignId, links: [{ fromThematiqueId: to.thematique(1), toThematiqueId: to.thematique(2) }] },
        { code: 'CONFLICT', message: /^Correspondance refusée : la thématique 1 de « Concertation sur les États généraux du numérique territorialisés » n’est pas une thématique de « Concertation nationale/ },
      );
      await h.refuse('comparison.saveMap', { fromCampaignId: from.campaignId, toCampaignId: to.campaignId, links: [{ fromThematiqueId: 1 }] }, {
        code: 'INVALID_INPUT', path: 'links.0.toThematiqueId', message: 'identifiant attendu',
      });
    },
  },
  'comparison.thematique': {
    valid: async (h) => {
      const { request } = await pair(h);
      const c = await h.ok('comparison.thematique', request);
      expect(c.returning.map((r) => [r.from.wording, r.to.wording])).toEqual([
        ['Prêter des ordinateurs portables aux familles sans équipement', 'Un prêt d’ordinateurs portables pour les familles sans équipement'],
      ]);
      expect([c.added, c.gone]).toEqual([[], []]);
    },
    invalid: async (h) => {
      const { request, from } = await pair(h);
      await h.refuse('comparison.thematique', { ...request, kind: 'idee' }, { code: 'INVALID_INPUT', path: 'kind', message: 'valeur inconnue' });
      await h.refuse('comparison.thematique', { ...request, toThematiqueId: from.thematique(1) }, { code: 'CONFLICT', message: 'n’appartient pas à la consultation' });
    },
  },
  'comparison.generate': {
    valid: async (h) => {
      const { request } = await pair(h);
      const { document } = await h.ok('comparison.generate', { ...request, outputDir: h.tempDir() });
      expect(document.fileName).toBe('Annexe_Thematique-1_2015-2020.docx');
      expect(existsSync(document.path)).toBe(true);
      expect((await h.ok('documents.list', {})).map((d) => d.id)).toContain(document.id);
    },
    invalid: async (h) => {
      const { request } = await pair(h);
      await h.refuse('comparison.generate', { ...request, outputDir: '' }, { code: 'INVALID_INPUT', path: 'outputDir', message: /au moins 1/ });
      await h.refuse('comparison.generate', { ...request, outputDir: '/proc/interdit' }, { code: 'FILE', message: 'Impossible de créer le dossier' });
    },
  },
} satisfies CaseGroup;
