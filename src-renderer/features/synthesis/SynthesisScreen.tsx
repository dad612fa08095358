/** Synthèse: choose what to write, check it, look at it, write the Word files, find them again. */
import { useMemo, useState } from 'react';
import type { OperationInput } from '../../../src-main/contract/operations.ts';
import { useApp } from '../../app/AppContext.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useQuery } from '../../components/useCall.ts';
import { ChoicesForm } from './ChoicesForm.tsx';
import { DocumentHistory } from './DocumentHistory.tsx';
import { GeneratePanel } from './GeneratePanel.tsx';
import { KitPanel } from './KitPanel.tsx';
import { PreflightList } from './PreflightList.tsx';
import { PreviewPane } from './PreviewPane.tsx';
import { TracePanel } from './TracePanel.tsx';
import type { TraceTarget } from './trace-target.ts';
import { scopeGroups, useRegion } from './useRegion.ts';
import { useSynthesisChoices } from './useSynthesisChoices.ts';
import './synthesis.css';

export function SynthesisScreen(_props: { params: string[] }) {
  const { campaign } = useApp();
  if (!campaign) {
    return (
      <>
        <PageHeader title="Synthèse" />
        <p>Aucune consultation : installez-en une depuis les Paramètres.</p>
      </>
    );
  }
  return <SynthesisOf campaignId={campaign.id} />;
}

function SynthesisOf({ campaignId }: { campaignId: number }) {
  const { campaign } = useApp();
  const trames = useQuery('trames.list', { campaignId });
  const styles = useQuery('styles.list', {});
  const documents = useQuery('documents.list', { campaignId });
  const { region, national, error: territoryError } = useRegion();
  const groups = useMemo(() => scopeGroups(region, true, national), [region, national]);
  const scopes = useMemo(() => groups.flatMap((g) => g.options.map((o) => o.value)), [groups]);
  const { choices, choose } = useSynthesisChoices(campaignId, trames.data, scopes);

  const target = useMemo<OperationInput<'synthesis.preview'>>(() => ({
    campaignId,
    ...(choices.trameId !== null ? { trameId: choices.trameId } : {}),
    scope: choices.scope,
    ...(choices.thematique !== null ? { thematique: choices.thematique } : {}),
  }), [campaignId, choices.trameId, choices.scope, choices.thematique]);
  const ready = choices.trameId !== null;
  const preflight = useQuery('synthesis.preflight', target, !ready);
  const preview = useQuery('synthesis.preview', target, !ready);
  // The statement being traced, and the preview item the keyboard goes back to when its panel closes.
  const [traced, setTraced] = useState<{ target: TraceTarget; element: HTMLElement } | null>(null);
  const closeTrace = () => {
    const back = traced;
    setTraced(null);
    // Once the panel is gone; the same statement found again if the preview was redrawn meanwhile.
    requestAnimationFrame(() => {
      if (!back) return;
      const selector = 'groupId' in back.target ? `[data-group-id="${back.target.groupId}"]` : `[data-contribution-id="${back.target.contributionId}"]`;
      const element = back.element.isConnected ? back.element : document.querySelector<HTMLElement>(`.syn-preview ${selector}`);
      element?.focus();
    });
  };
  // The 2015 kit is offered where there are établissement meetings to write up: their count is enough.
  const etablissementMeetings = useQuery('meetings.list', { campaignId, level: 'etablissement', limit: 1 });
  const kitAcademie = useMemo(() => {
    const [kind, code] = choices.scope.split(':');
    const academies = region?.academies ?? [];
    const found = kind === 'academie' ? academies.find((a) => a.code === code) : kind === 'departement' ? academies.find((a) => a.departements.some((d) => d.code === code)) : undefined;
    return found ? { code: found.code, nom: found.nom } : null;
  }, [choices.scope, region]);

  if (!campaign) return null;
  return (
    <>
      <PageHeader
        title="Synthèse"
        description="Choisissez la trame et le périmètre, vérifiez ce qui manque, relisez l’aperçu, puis écrivez les fichiers Word."
      />
      <ErrorNotice error={trames.error ?? styles.error ?? territoryError} />
      <section aria-labelledby="syn-choices-title" className="fr-mb-4w">
        <h2 id="syn-choices-title" className="fr-h4">Ce que vous produisez</h2>
        {trames.data ? (
          trames.data.length === 0 ? (
            <p>Aucune trame pour cette consultation : créez-en une dans l’écran <a href="#/trames">Trames</a>.</p>
          ) : (
            <ChoicesForm
              campaign={campaign}
              trames={trames.data}
              styles={styles.data ?? []}
              groups={groups}
              choices={choices}
              onChange={choose}
            />
          )
        ) : (
          <Loading what="Chargement des trames" />
        )}
      </section>
      <div className="syn-layout">
        <div className="syn-layout__side">
          <section aria-labelledby="syn-preflight-title" className="fr-mb-4w">
            <h2 id="syn-preflight-title" className="fr-h4">Avant de générer</h2>
            <p className="fr-text--sm">
              Ce qui manque ou surprend. La génération reste possible : le document garde alors ses emplacements vides.
            </p>
            <ErrorNotice error={preflight.error} />
            {preflight.loading && <Loading what="Vérification" />}
            {preflight.data && <PreflightList findings={preflight.data.findings} omitted={preflight.data.omitted} />}
          </section>
          <section aria-labelledby="syn-generate-title" className="fr-mb-4w">
            <h2 id="syn-generate-title" className="fr-h4">Générer les fichiers Word</h2>
            <GeneratePanel campaignId={campaignId} choices={choices} onGenerated={documents.reload} />
          </section>
          {(etablissementMeetings.data?.total ?? 0) > 0 && (
            <section aria-labelledby="syn-kit-title" className="fr-mb-4w">
              <h2 id="syn-kit-title" className="fr-h4">Kit 2015 : une archive par académie</h2>
              <KitPanel campaignId={campaignId} choices={choices} academie={kitAcademie} onGenerated={documents.reload} />
            </section>
          )}
        </div>
        <section aria-labelledby="syn-preview-title" className="syn-layout__main fr-mb-4w">
          <h2 id="syn-preview-title" className="fr-h4">Aperçu</h2>
          {traced && <TracePanel target={traced.target} onClose={closeTrace} />}
          <PreviewPane
            preview={preview.data}
            loading={preview.loading}
            error={preview.error}
            onTrace={(target, element) => setTraced({ target, element })}
          />
        </section>
      </div>
      <section aria-labelledby="syn-history-title">
        <h2 id="syn-history-title" className="fr-h4">Historique des documents</h2>
        <ErrorNotice error={documents.error} />
        {documents.data ? <DocumentHistory documents={documents.data} region={region} /> : <Loading what="Chargement de l’historique" />}
      </section>
    </>
  );
}
