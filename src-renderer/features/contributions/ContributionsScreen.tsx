import type { Campaign } from '../../../src-main/contract/schemas/campaign.ts';
import { useApp } from '../../app/AppContext.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ThematiqueTabs } from '../retex/ThematiqueTabs.tsx';
import { useThematiqueChoice } from '../retex/useThematiqueChoice.ts';
import { ContributionsPanel } from './ContributionsPanel.tsx';
import '../retex/retex.css';
import './contributions.css';

/**
 * Contributions of the meetings (état des lieux, attentes, actions et acteurs, défis, propositions), per
 * thématique: what goes into the synthesis and in which order, each tied to the meetings it came from.
 */
export function ContributionsScreen(_props: { params: string[] }) {
  const { campaign } = useApp();
  if (!campaign) {
    return (
      <>
        <PageHeader title="Contributions" />
        <p>Aucune consultation dans le catalogue : installez-en une depuis les paramètres.</p>
      </>
    );
  }
  return <ContributionsBoard key={campaign.id} campaign={campaign} />;
}

function ContributionsBoard({ campaign }: { campaign: Campaign }) {
  const [thematique, choose] = useThematiqueChoice(campaign, 'contributions');
  return (
    <>
      <PageHeader
        title="Contributions"
        description="Thématique par thématique, ce que les rencontres ont produit : retenez et ordonnez ce que la synthèse reprendra."
      />
      {!thematique ? (
        <p>Cette consultation n’a pas encore de thématique.</p>
      ) : (
        <ThematiqueTabs campaign={campaign} selectedId={thematique.id} onChange={choose} label="Thématiques de la consultation">
          <ContributionsPanel key={thematique.id} campaign={campaign} thematique={thematique} />
        </ThematiqueTabs>
      )}
    </>
  );
}
