/** « Créer mon catalogue » (#/mon-catalogue): the demo makes way for one's own, empty catalogue; a copy of it is kept. */
import { useApp } from '../../app/AppContext.tsx';
import { href, navigate } from '../../app/routes.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useMutation, useQuery } from '../../components/useCall.ts';
import { CatalogueSetupForm } from './CatalogueSetupForm.tsx';

export function LeaveDemoScreen(_props: { params: string[] }) {
  const { identity, settings, catalogueReplaced, notify } = useApp();
  const info = useQuery('catalogue.info', {});
  const leave = useMutation();
  if (identity && !identity.isDemo) {
    return (
      <>
        <PageHeader title="Créer mon catalogue" />
        <p>
          Ce catalogue est déjà le vôtre : « {identity.name} » ({identity.scopeLabel}). Pour le partager avec d’autres postes, voyez
          l’écran <a className="fr-link" href={href('/echanges')}>Échanges</a>.
        </p>
      </>
    );
  }
  const where = info.data?.path ? ` (le dossier « sauvegardes » à côté de ${info.data.path})` : '';
  return (
    <>
      <PageHeader
        title="Créer mon catalogue"
        description="Le catalogue de démonstration est remplacé par un catalogue vide, le vôtre, avec les consultations 2015 et 2020 prêtes à l’emploi."
      />
      <p>
        Rien de la démonstration n’est perdu : une copie en est gardée avec les sauvegardes du catalogue{where}. Elle se rouvre
        comme tout autre catalogue (menu Fichier de l’application de bureau, option --db de « npm run web »).
      </p>
      <CatalogueSetupForm
        submitLabel="Créer mon catalogue"
        initialRegion={settings?.regionCode ?? null}
        busy={leave.busy}
        error={leave.error}
        onClearError={leave.clearError}
        onSubmit={async (input) => {
          const left = await leave.run('identity.leaveDemo', input);
          if (!left) return;
          navigate('/');
          catalogueReplaced();
          notify({
            severity: 'success',
            lasting: true,
            message: `Votre catalogue « ${left.identity.name} » est prêt (${left.identity.scopeLabel}).${left.demoCopy ? ` Copie de la démonstration gardée : ${left.demoCopy}.` : ''}`,
          });
        }}
      />
    </>
  );
}
