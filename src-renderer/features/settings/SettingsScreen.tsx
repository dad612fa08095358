/** Paramètres: région académique, footer contact, active consultation, Word style templates, catalogue. */
import { useApp } from '../../app/AppContext.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useQuery } from '../../components/useCall.ts';
import { CampaignsSection } from './CampaignsSection.tsx';
import { CatalogueSection } from './CatalogueSection.tsx';
import { ContactField } from './ContactField.tsx';
import { RegionField } from './RegionField.tsx';
import { StylesSection } from './StylesSection.tsx';
import './settings.css';

export function SettingsScreen(_props: { params: string[] }) {
  const { settings } = useApp();
  const tree = useQuery('territory.tree', {});
  const regionName = tree.data?.find((r) => r.code === settings?.regionCode)?.nom ?? null;
  return (
    <>
      <PageHeader
        title="Paramètres"
        description="Chaque réglage est enregistré dans le catalogue dès qu’il est modifié."
      />
      {!settings ? (
        <Loading what="Chargement des paramètres" />
      ) : (
        <>
          <section className="set-section" aria-labelledby="set-region">
            <h2 id="set-region" className="fr-h4">Région académique et pied de page</h2>
            <ErrorNotice error={tree.error} />
            {tree.loading && !tree.data && <Loading what="Chargement du territoire" />}
            {tree.data && <RegionField regions={tree.data} value={settings.regionCode} />}
            <ContactField value={settings.contact} regionName={regionName} />
          </section>
          <CampaignsSection />
          <StylesSection defaultId={settings.styleTemplateId} />
          <CatalogueSection />
        </>
      )}
    </>
  );
}
