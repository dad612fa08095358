import { Button } from '@codegouvfr/react-dsfr/Button';
import { useApp } from '../../app/AppContext.tsx';
import { href } from '../../app/routes.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RetexEditor } from './RetexEditor.tsx';
import { RetexPanel } from './RetexPanel.tsx';
import { ThematiqueTabs } from './ThematiqueTabs.tsx';
import { useRetexExpectation } from './useRetexExpectation.ts';
import { useThematiqueChoice } from './useThematiqueChoice.ts';
import type { Campaign } from '../../../src-main/contract/schemas/campaign.ts';
import './retex.css';

/**
 * Retours d'expérience: `#/retex` (per thématique, which are kept for the synthesis and in which order),
 * `#/retex/12` (one retex, saved as edited), `#/retex/nouveau/7` (a new one in thématique 7).
 */
export function RetexScreen({ params }: { params: string[] }) {
  const { campaign } = useApp();
  if (!campaign) {
    return (
      <>
        <PageHeader title="Retours d’expérience" />
        <p>Aucune consultation dans le catalogue : installez-en une depuis les paramètres.</p>
      </>
    );
  }
  const [first, second] = params;
  if (first === 'nouveau') return <RetexEditor key="nouveau" campaign={campaign} retexId={null} thematiqueId={Number(second) || undefined} />;
  if (first && /^\d+$/.test(first)) return <RetexEditor key={first} campaign={campaign} retexId={Number(first)} />;
  return <RetexBoard key={campaign.id} campaign={campaign} />;
}

function RetexBoard({ campaign }: { campaign: Campaign }) {
  const [thematique, choose] = useThematiqueChoice(campaign, 'retex');
  const trame = useRetexExpectation(campaign.id);
  return (
    <>
      <PageHeader
        title="Retours d’expérience"
        description="Pour chaque thématique, choisissez les retex que la synthèse décrira, et leur ordre."
        actions={
          thematique && (
            <Button iconId="fr-icon-add-line" linkProps={{ href: href(`/retex/nouveau/${thematique.id}`) }}>
              Ajouter un retex
            </Button>
          )
        }
      />
      <ErrorNotice error={trame.error} />
      {!thematique ? (
        <p>Cette consultation n’a pas encore de thématique.</p>
      ) : (
        <ThematiqueTabs campaign={campaign} selectedId={thematique.id} onChange={choose} label="Thématiques de la consultation">
          <RetexPanel key={thematique.id} campaign={campaign} thematique={thematique} expectation={trame.expectation} />
        </ThematiqueTabs>
      )}
    </>
  );
}
