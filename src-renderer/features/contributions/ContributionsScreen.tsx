import { useEffect, useRef, useState } from 'react';
import type { Campaign } from '../../../src-main/contract/schemas/campaign.ts';
import { useApp } from '../../app/AppContext.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useQuery } from '../../components/useCall.ts';
import { OpenedContribution } from '../search/OpenedContribution.tsx';
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
/**
 * What the address asks for: `#/contributions/<id>` one contribution (opened first, on its thématique),
 * `#/contributions/a-traiter/<thématique>` a thématique's contributions still à traiter.
 */
function targetOf(params: string[]): { contributionId: number | null; pendingIn: number | null } {
  const number = (v: string | undefined) => (v !== undefined && /^\d+$/.test(v) ? Number(v) : null);
  if (params[0] === 'a-traiter') return { contributionId: null, pendingIn: number(params[1]) };
  return { contributionId: number(params[0]), pendingIn: null };
}

export function ContributionsScreen({ params }: { params: string[] }) {
  const { campaign } = useApp();
  if (!campaign) {
    return (
      <>
        <PageHeader title="Contributions" />
        <p>Aucune consultation dans le catalogue : installez-en une depuis les paramètres.</p>
      </>
    );
  }
  return <ContributionsBoard key={campaign.id} campaign={campaign} params={params} />;
}

function ContributionsBoard({ campaign, params }: { campaign: Campaign; params: string[] }) {
  const { contributionId, pendingIn } = targetOf(params);
  const opened = useQuery('contributions.get', { id: contributionId ?? 0 }, contributionId === null);
  const [closed, setClosed] = useState<number | null>(null);
  const shown = contributionId !== null && closed !== contributionId && opened.data?.id === contributionId ? opened.data : null;
  // The thématique the address points to; the opened contribution's heading takes the focus once.
  const [thematique, choose] = useThematiqueChoice(campaign, 'contributions', pendingIn ?? shown?.thematiqueId ?? null);
  const focusedFor = useRef<number | null>(null);
  useEffect(() => {
    if (shown && focusedFor.current !== shown.id) {
      focusedFor.current = shown.id;
      document.getElementById('opened-contribution-title')?.focus();
    }
  }, [shown]);
  return (
    <>
      <PageHeader
        title="Contributions"
        description="Thématique par thématique, ce que les rencontres ont produit : retenez et ordonnez ce que la synthèse reprendra."
      />
      {contributionId !== null && <ErrorNotice error={opened.error} />}
      {shown && <OpenedContribution contribution={shown} onClose={() => setClosed(shown.id)} />}
      {!thematique ? (
        <p>Cette consultation n’a pas encore de thématique.</p>
      ) : (
        <ThematiqueTabs campaign={campaign} selectedId={thematique.id} onChange={choose} label="Thématiques de la consultation">
          <ContributionsPanel
            key={`${thematique.id}-${pendingIn ?? ''}`} campaign={campaign} thematique={thematique}
            initialReview={pendingIn === thematique.id ? 'a_traiter' : ''}
          />
        </ThematiqueTabs>
      )}
    </>
  );
}
