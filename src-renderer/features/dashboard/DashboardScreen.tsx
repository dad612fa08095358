/**
 * Tableau de bord: the active consultation's figures for a perimeter of the région (or the whole country, for
 * a national catalogue), and what is still missing.
 */
import { CallOut } from '@codegouvfr/react-dsfr/CallOut';
import { useApp } from '../../app/AppContext.tsx';
import { href } from '../../app/routes.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useQuery } from '../../components/useCall.ts';
import { useRegion } from '../synthesis/useRegion.ts';
import { BilanChart } from './BilanChart.tsx';
import { BilanTable } from './BilanTable.tsx';
import { CategoriesTable } from './CategoriesTable.tsx';
import { KeyFigures } from './KeyFigures.tsx';
import { MissingPanel } from './MissingPanel.tsx';
import { NoCampaignPanel } from './NoCampaignPanel.tsx';
import { ReadingPanel } from './ReadingPanel.tsx';
import { ScopeSelect } from './ScopeSelect.tsx';
import { useScope } from './useScope.ts';
import './dashboard.css';

export function DashboardScreen(_props: { params: string[] }) {
  const { campaign, settings } = useApp();
  const regionCode = settings?.regionCode ?? null;
  // The région of the settings, and whether the catalogue holds the whole country (« France entière » offered).
  const territory = useRegion();
  const region = territory.region;
  const scope = useScope(region, territory.tree, territory.national, territory.nationalPending);
  const bilan = useQuery(
    'stats.bilan',
    { campaignId: campaign?.id ?? 0, regionCode: regionCode ?? undefined, scope: scope.ref },
    !campaign || !regionCode || !region || !scope.info,
  );

  if (!campaign) {
    return (
      <>
        <PageHeader title="Tableau de bord" description="Les chiffres et ce qui manque pour la consultation en cours." />
        <NoCampaignPanel />
      </>
    );
  }
  const description = region
    ? `${campaign.title} — région académique ${region.nom}.`
    : campaign.title;
  return (
    <>
      <PageHeader title="Tableau de bord" description={description} />
      {!regionCode ? (
        <CallOut
          title="Choisissez d’abord votre région académique"
          titleAs="h2"
          iconId="fr-icon-map-pin-2-line"
          buttonProps={{ linkProps: { href: href('/parametres') }, children: 'Ouvrir les paramètres' }}
        >
          Le bilan des rencontres se calcule pour une région académique, ses académies et ses départements. Indiquez la
          vôtre dans les Paramètres.
        </CallOut>
      ) : (
        <>
          <ErrorNotice error={territory.error} />
          {territory.loading && !territory.tree && <Loading what="Chargement du territoire" />}
          {territory.tree && !region && (
            <CallOut title="Région académique introuvable" titleAs="h2" buttonProps={{ linkProps: { href: href('/parametres') }, children: 'Ouvrir les paramètres' }}>
              La région académique des paramètres ({regionCode}) n’existe pas dans le référentiel : choisissez-en une autre.
            </CallOut>
          )}
          {region && scope.info && (
            <>
              <ScopeSelect value={scope.ref} groups={scope.groups} onChange={scope.choose} />
              <ErrorNotice error={bilan.error} />
              {bilan.loading && <Loading what="Calcul du bilan" />}
              {bilan.data && (
                <>
                  <h2 className="fr-h4 fr-mt-4w">Chiffres clés — {bilan.data.scope.name}</h2>
                  <KeyFigures bilan={bilan.data} />
                  <h2 className="fr-h4">Bilan des rencontres</h2>
                  <BilanTable bilan={bilan.data} />
                  <h2 className="fr-h4 fr-mt-4w">Participants et rencontres{bilan.data.regions ? ' par région académique' : ''}</h2>
                  <BilanChart bilan={bilan.data} />
                  <h2 className="fr-h4">Participants par catégorie</h2>
                  <CategoriesTable bilan={bilan.data} />
                </>
              )}
              <MissingPanel campaign={campaign} scope={scope.info} regionCode={regionCode} />
              <ReadingPanel campaign={campaign} scope={scope.info} regionCode={regionCode} />
            </>
          )}
        </>
      )}
    </>
  );
}
