/** First launch: the catalogue does not know yet who it is for. Create one's own, or open the demo. */
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useApp } from '../../app/AppContext.tsx';
import { navigate } from '../../app/routes.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useMutation } from '../../components/useCall.ts';
import { BusyStatus } from '../../components/BusyStatus.tsx';
import { CatalogueSetupForm } from './CatalogueSetupForm.tsx';
import './identity.css';

export function WelcomeScreen() {
  const { catalogueReplaced, notify } = useApp();
  const setup = useMutation();
  const demo = useMutation();
  const busy = setup.busy || demo.busy;

  const opened = (message: string) => {
    navigate('/');
    catalogueReplaced();
    notify({ severity: 'success', message });
  };

  return (
    <>
      <PageHeader
        title="Pour qui est ce catalogue ?"
        description="Premier lancement : dites pour quel territoire vous rassemblez les rencontres. Le catalogue reste sur cet ordinateur ; l’écran Échanges l’envoie ensuite aux autres postes (DSDEN, DANE, région académique) et reçoit les leurs."
      />
      <div className="idt-welcome">
        <CatalogueSetupForm
          submitLabel="Créer le catalogue"
          initialRegion={null}
          busy={busy}
          error={setup.error}
          onClearError={setup.clearError}
          onSubmit={async (input) => {
            const identity = await setup.run('identity.setup', input);
            if (identity) opened(`Catalogue « ${identity.name} » créé (${identity.scopeLabel}), avec les consultations 2015 et 2020 prêtes à l’emploi.`);
          }}
        />
        <section className="idt-demo" aria-labelledby="idt-demo-title">
          <h2 id="idt-demo-title" className="fr-h5">Ou découvrir l’application d’abord</h2>
          <p className="fr-text--sm">
            La démonstration reproduit la synthèse de la région académique Nouvelle-Aquitaine (États généraux du numérique, octobre 2020) :
            ses rencontres, retex et contributions. Vous pourrez la quitter à tout moment pour votre propre catalogue ; une copie en sera gardée.
          </p>
          <Button
            type="button"
            priority="secondary"
            iconId="fr-icon-eye-line"
            disabled={busy}
            onClick={async () => {
              const identity = await demo.run('identity.loadDemo', {});
              if (identity) opened('Catalogue de démonstration ouvert (Nouvelle-Aquitaine 2020).');
            }}
          >
            Ouvrir la démonstration (Nouvelle-Aquitaine 2020)
          </Button>
          <BusyStatus busy={demo.busy} message="Chargement de la démonstration…" />
          <ErrorNotice error={demo.error} onClose={demo.clearError} />
        </section>
      </div>
    </>
  );
}
