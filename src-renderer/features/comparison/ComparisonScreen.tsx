/**
 * Comparaison: two consultations side by side (issue 13). Choose them (2015 → the active one at
 * first), adjust which earlier thématiques each later one is compared with, then per later thématique
 * what returns, what is new, what is gone — and write it as a Word annex.
 */
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useEffect, useMemo, useState } from 'react';
import { CONTRIBUTION_KIND_LABELS, ContributionKind } from '../../../src-main/contract/domain.ts';
import type { Campaign } from '../../../src-main/contract/schemas/campaign.ts';
import { useApp } from '../../app/AppContext.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useQuery } from '../../components/useCall.ts';
import { AnnexPanel } from './AnnexPanel.tsx';
import { ComparisonLists } from './ComparisonLists.tsx';
import { defaultPair, yearOf } from './comparison-choices.ts';
import { MapEditor } from './MapEditor.tsx';
import '../synthesis/synthesis.css';
import './comparison.css';

const campaignLabel = (c: Campaign) => `${c.title} (${yearOf(c)})`;

export function ComparisonScreen(_props: { params: string[] }) {
  const { campaigns, campaign } = useApp();
  const initial = useMemo(() => defaultPair(campaigns, campaign), [campaigns, campaign]);
  const [pair, setPair] = useState<{ fromId: number; toId: number } | null>(initial);
  useEffect(() => setPair((p) => p ?? initial), [initial]);
  const from = campaigns.find((c) => c.id === pair?.fromId);
  const to = campaigns.find((c) => c.id === pair?.toId);

  return (
    <>
      <PageHeader
        title="Comparaison"
        description="Ce que deux consultations ont dit sur une même thématique : ce qui revient, ce qui est nouveau, ce qui a disparu."
      />
      {campaigns.length < 2 || !pair ? (
        <p>Il faut deux consultations dans le catalogue pour les comparer : installez-en une autre depuis les Paramètres.</p>
      ) : (
        <>
          <section aria-labelledby="cmp-pair-title" className="fr-mb-4w">
            <h2 id="cmp-pair-title" className="fr-h4">Consultations comparées</h2>
            <div className="cmp-pair">
              <Select
                label="Consultation antérieure"
                nativeSelectProps={{ value: String(pair.fromId), onChange: (e) => setPair({ ...pair, fromId: Number(e.target.value) }) }}
              >
                {campaigns.map((c) => <option key={c.id} value={c.id}>{campaignLabel(c)}</option>)}
              </Select>
              <Select
                label="Consultation comparée"
                nativeSelectProps={{ value: String(pair.toId), onChange: (e) => setPair({ ...pair, toId: Number(e.target.value) }) }}
              >
                {campaigns.map((c) => <option key={c.id} value={c.id}>{campaignLabel(c)}</option>)}
              </Select>
            </div>
            {pair.fromId === pair.toId && <p className="fr-error-text">Choisissez deux consultations différentes.</p>}
          </section>
          {from && to && from.id !== to.id && <PairComparison key={`${from.id}-${to.id}`} from={from} to={to} />}
        </>
      )}
    </>
  );
}

function PairComparison({ from, to }: { from: Campaign; to: Campaign }) {
  const [mapVersion, setMapVersion] = useState(0);
  const later = useMemo(() => [...to.thematiques].sort((a, b) => a.number - b.number), [to]);
  const [thematiqueId, setThematiqueId] = useState<number | undefined>(later[0]?.id);
  const [kind, setKind] = useState<ContributionKind>('proposition');
  const request = { fromCampaignId: from.id, toCampaignId: to.id, toThematiqueId: thematiqueId ?? 0, kind };
  const comparison = useQuery('comparison.thematique', request, thematiqueId === undefined);
  // A saved map changes what is compared: asked again.
  const reload = comparison.reload;
  useEffect(() => {
    if (mapVersion > 0) reload();
  }, [mapVersion, reload]);

  return (
    <>
      <section aria-labelledby="cmp-map-title" className="fr-mb-4w">
        <h2 id="cmp-map-title" className="fr-h4">Correspondance des thématiques de {yearOf(from)} vers {yearOf(to)}</h2>
        <MapEditor from={from} to={to} onSaved={() => setMapVersion((v) => v + 1)} />
      </section>
      <section aria-labelledby="cmp-result-title" className="fr-mb-4w">
        <h2 id="cmp-result-title" className="fr-h4">Thématique comparée</h2>
        {later.length === 0 ? (
          <p>« {to.title} » n’a pas de thématique.</p>
        ) : (
          <>
            <div className="cmp-pair">
              <Select
                label={`Thématique de ${yearOf(to)}`}
                nativeSelectProps={{ value: String(thematiqueId), onChange: (e) => setThematiqueId(Number(e.target.value)) }}
              >
                {later.map((t) => <option key={t.id} value={t.id}>{t.number}. {t.title}</option>)}
              </Select>
              <Select label="Nature" nativeSelectProps={{ value: kind, onChange: (e) => setKind(ContributionKind.parse(e.target.value)) }}>
                {ContributionKind.options.map((k) => <option key={k} value={k}>{CONTRIBUTION_KIND_LABELS[k]}</option>)}
              </Select>
            </div>
            <ErrorNotice error={comparison.error} />
            <div aria-live="polite" aria-busy={comparison.loading} className="cmp-result">
              {comparison.loading && !comparison.data && <Loading what="Comparaison en cours" />}
              {comparison.data && (
                <>
                  <p className="fr-text--sm">
                    {comparison.data.fromThematiques.length === 0
                      ? `Aucune thématique de ${comparison.data.fromYear} n’est rapprochée de celle-ci : tout y est nouveau.`
                      : `Comparée avec ${comparison.data.fromThematiques.map((t) => `la thématique ${t.number} de ${comparison.data!.fromYear} (${t.title})`).join(', ')}.`}
                  </p>
                  <ComparisonLists comparison={comparison.data} kind={kind} />
                </>
              )}
            </div>
            <h3 className="fr-h6 fr-mt-4w">Annexe Word</h3>
            <AnnexPanel request={request} />
          </>
        )}
      </section>
    </>
  );
}
