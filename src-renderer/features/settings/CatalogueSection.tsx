import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { frenchDate, frenchNumber } from '../../components/format.ts';
import { useQuery } from '../../components/useCall.ts';

/** Where the catalogue lives, and how another one is opened. */
export function CatalogueSection() {
  const info = useQuery('catalogue.info', {});
  const data = info.data;
  return (
    <section className="set-section" aria-labelledby="set-catalogue">
      <h2 id="set-catalogue" className="fr-h4">Catalogue</h2>
      <p>
        Le catalogue est le fichier (SQLite) où l’application enregistre tout au fur et à mesure : consultations, rencontres,
        retex, contributions, trames, modèles de styles et ces paramètres. Il reste sur ce poste ; rien n’est envoyé
        ailleurs.
      </p>
      <ErrorNotice error={info.error} />
      {data && (
        <dl className="set-catalogue-info">
          <dt>Fichier ouvert</dt>
          <dd><span className="set-mono">{data.path ?? 'catalogue en mémoire (non enregistré)'}</span></dd>
          {data.bytes !== null && (<><dt>Taille</dt><dd>{frenchNumber(Math.round(data.bytes / 1024))} Ko</dd></>)}
          <dt>Contenu</dt>
          <dd>{frenchNumber(data.campaigns)} consultation{data.campaigns > 1 ? 's' : ''}, {frenchNumber(data.meetings)} rencontre{data.meetings > 1 ? 's' : ''}</dd>
          <dt>Dernière modification</dt>
          <dd>{frenchDate(data.lastChange.slice(0, 10))}</dd>
        </dl>
      )}
      <p>Le fichier du catalogue est choisi au lancement de l’application :</p>
      <ul>
        <li>
          <strong>Application de bureau</strong> : le fichier <span className="set-mono">catalogue.sqlite</span> du dossier
          des données de l’utilisateur, sauvegardé automatiquement dans son sous-dossier
          <span className="set-mono"> sauvegardes</span>. Le menu Fichier ouvre un autre catalogue, le sauvegarde ou restaure
          une sauvegarde.
        </li>
        <li>
          <strong>Dans un navigateur</strong> : le fichier indiqué par l’option <span className="set-mono">--db</span> de
          <span className="set-mono"> npm run web</span> ; pour changer de catalogue, relancez la commande avec un autre fichier.
        </li>
      </ul>
    </section>
  );
}
