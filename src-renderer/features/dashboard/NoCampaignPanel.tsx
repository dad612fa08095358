import { Button } from '@codegouvfr/react-dsfr/Button';
import { CallOut } from '@codegouvfr/react-dsfr/CallOut';
import { useApp } from '../../app/AppContext.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useMutation } from '../../components/useCall.ts';

const PRESETS = [
  { slug: 'egn-2020', label: 'Installer les États généraux du numérique (2020)' },
  { slug: 'concertation-2015', label: 'Installer la Concertation nationale (2015)' },
] as const;

/** No consultation yet: install one of the two ready ones (with its trame), make it active. */
export function NoCampaignPanel() {
  const { reload, notify } = useApp();
  const { run, error, busy, clearError } = useMutation();
  const install = async (slug: string) => {
    const campaign = await run('campaigns.installPreset', { slug });
    if (!campaign) return;
    const settings = await run('settings.update', { activeCampaignId: campaign.id });
    reload();
    if (settings) notify({ severity: 'success', message: `Consultation « ${campaign.title} » installée et rendue active.` });
  };
  return (
    <CallOut title="Aucune consultation dans le catalogue" titleAs="h2" iconId="fr-icon-information-line" bodyAs="div">
      <p>
        Installez une consultation prête à l’emploi : ses thématiques et sa trame de synthèse sont fournies, et vous pourrez
        les adapter. Les deux peuvent coexister dans le catalogue.
      </p>
      <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-2w">
        {PRESETS.map((p) => (
          <li key={p.slug}>
            <Button disabled={busy} onClick={() => void install(p.slug)}>{p.label}</Button>
          </li>
        ))}
      </ul>
      <ErrorNotice error={error} onClose={clearError} />
    </CallOut>
  );
}
