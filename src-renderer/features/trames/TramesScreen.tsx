/** Trames: the outlines a synthesis follows, their sections, and the texts written in the app. */
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import type { Campaign } from '../../../src-main/contract/schemas/campaign.ts';
import { useApp } from '../../app/AppContext.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useQuery } from '../../components/useCall.ts';
import { defaultTrame } from '../synthesis/useSynthesisChoices.ts';
import { DeleteTrame } from './DeleteTrame.tsx';
import { DuplicateForm } from './DuplicateForm.tsx';
import { SectionTexts } from './SectionTexts.tsx';
import { TrameEditor } from './TrameEditor.tsx';
import { TrameList } from './TrameList.tsx';
import { TrameReadOnly } from './TrameReadOnly.tsx';
import './trames.css';

const DESCRIPTION = 'Le plan que suit une synthèse, section par section, et les textes que vous y rédigez.';

export function TramesScreen({ params }: { params: string[] }) {
  const { campaign } = useApp();
  if (!campaign) {
    return (
      <>
        <PageHeader title="Trames" description={DESCRIPTION} />
        <p>Aucune consultation : installez-en une depuis les Paramètres.</p>
      </>
    );
  }
  return <TramesOf campaign={campaign} requested={params[0]} />;
}

function TramesOf({ campaign, requested }: { campaign: Campaign; requested: string | undefined }) {
  const trames = useQuery('trames.list', { campaignId: campaign.id });
  const list = trames.data ?? [];
  const selected = requested !== undefined ? list.find((t) => String(t.id) === requested) : defaultTrame(list, campaign.id);

  return (
    <>
      <PageHeader title="Trames" description={DESCRIPTION} />
      <ErrorNotice error={trames.error} />
      {!trames.data ? (
        <Loading what="Chargement des trames" />
      ) : list.length === 0 ? (
        <p>Aucune trame pour cette consultation : installez la consultation prête à l’emploi depuis les Paramètres.</p>
      ) : (
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-lg-3">
            <TrameList trames={list} selectedId={selected?.id} />
          </div>
          <div className="fr-col-12 fr-col-lg-9">
            {!selected ? (
              <Alert severity="warning" small description="Cette trame n’existe pas ou n’appartient pas à la consultation active : choisissez-en une dans la liste." />
            ) : (
              <article aria-labelledby="trm-current-title">
                <div className="trm-head">
                  <p id="trm-current-title" className="fr-h3 fr-mb-1w">{selected.name}</p>
                  {!selected.presetSlug && <DeleteTrame trame={selected} onChanged={trames.reload} />}
                </div>
                {selected.presetSlug ? (
                  <Alert
                    severity="info"
                    small
                    className="fr-mb-3w"
                    description="Cette trame prête à l’emploi reproduit le modèle officiel : elle se consulte mais ne se modifie pas. Dupliquez-la pour l’adapter ; ses textes rédigés, eux, se modifient ci-dessous."
                  />
                ) : null}
                <DuplicateForm key={`duplicate-${selected.id}`} trame={selected} onDuplicated={trames.reload} />
                {selected.presetSlug ? (
                  <TrameReadOnly trame={selected} />
                ) : (
                  <TrameEditor key={`editor-${selected.id}`} trame={selected} onSaved={trames.reload} />
                )}
                <SectionTexts key={`texts-${selected.id}`} campaign={campaign} sections={selected.sections} />
              </article>
            )}
          </div>
        </div>
      )}
    </>
  );
}
