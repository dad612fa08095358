import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useApp } from '../../app/AppContext.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { frenchDate } from '../../components/format.ts';
import { useMutation } from '../../components/useCall.ts';
import { ActiveCampaignField } from './ActiveCampaignField.tsx';

const PRESETS = [
  { slug: 'concertation-2015', label: 'Installer la consultation 2015', title: 'Concertation nationale sur le numérique pour l’éducation (2015)' },
  { slug: 'egn-2020', label: 'Installer la consultation 2020', title: 'États généraux du numérique pour l’Éducation (2020)' },
] as const;

/** The consultations of the catalogue, the active one, and the ready ones still to install. */
export function CampaignsSection() {
  const { campaigns, campaign, settings, reload, notify } = useApp();
  const { run, error, busy, clearError } = useMutation();
  const absent = PRESETS.filter((p) => !campaigns.some((c) => c.slug === p.slug));
  const activeId = settings?.activeCampaignId ?? campaign?.id ?? null;

  const install = async (slug: string) => {
    const installed = await run('campaigns.installPreset', { slug });
    if (!installed) return;
    reload();
    notify({
      severity: 'success',
      message: `Consultation « ${installed.title} » installée, avec ses thématiques et sa trame.`,
      action: {
        label: 'En faire la consultation active',
        run: async () => {
          const done = await run('settings.update', { activeCampaignId: installed.id });
          if (done) {
            reload();
            notify({ severity: 'success', message: `« ${installed.shortTitle} » est la consultation active.` });
          }
        },
      },
    });
  };

  return (
    <section className="set-section" aria-labelledby="set-campaigns">
      <h2 id="set-campaigns" className="fr-h4">Consultations</h2>
      <ActiveCampaignField campaigns={campaigns} activeId={activeId} />
      {campaigns.length > 0 && (
        <div className="fr-table set-table fr-table--sm fr-table--multiline fr-table--bordered">
          <div className="fr-table__wrapper">
            <div className="fr-table__container">
              <div className="fr-table__content">
                <table>
                  <caption>Consultations du catalogue</caption>
                  <thead>
                    <tr>
                      <th scope="col">Consultation</th>
                      <th scope="col">Période</th>
                      <th scope="col">Thématiques</th>
                      <th scope="col">État</th>
                    </tr>
                  </thead>
                  <tbody>
                    {campaigns.map((c) => (
                      <tr key={c.id}>
                        <th scope="row">{c.title}<br /><span className="fr-text--sm">{c.shortTitle}</span></th>
                        <td>du {frenchDate(c.startDate)} au {frenchDate(c.endDate)}</td>
                        <td className="app-number fr-cell--right">{c.thematiques.length}</td>
                        <td>{c.id === activeId ? <Badge severity="success" small>Active</Badge> : '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          </div>
        </div>
      )}
      <h3 className="fr-h6 fr-mt-2w">Consultations prêtes à l’emploi</h3>
      {absent.length === 0 ? (
        <p>Les deux consultations prêtes à l’emploi (2015 et 2020) sont installées.</p>
      ) : (
        <>
          <p>
            Une consultation prête à l’emploi arrive avec ses thématiques et sa trame de synthèse, que vous pourrez adapter.
            Installer l’une n’efface rien de l’autre.
          </p>
          <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
            {absent.map((p) => (
              <li key={p.slug}>
                <Button priority="secondary" iconId="fr-icon-add-line" disabled={busy} title={p.title} onClick={() => void install(p.slug)}>
                  {p.label}
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
      <ErrorNotice error={error} onClose={clearError} />
    </section>
  );
}
