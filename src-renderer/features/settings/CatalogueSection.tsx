/**
 * Where the catalogue lives. The contract has no operation to ask it (a `catalogue.info` would give the
 * path, its size and its last change): until then, this section says how the file is chosen.
 */
export function CatalogueSection() {
  return (
    <section className="set-section" aria-labelledby="set-catalogue">
      <h2 id="set-catalogue" className="fr-h4">Catalogue</h2>
      <p>
        Le catalogue est le fichier (SQLite) où l’application enregistre tout au fur et à mesure : consultations, rencontres,
        retex, contributions, trames, modèles de styles et ces paramètres. Il reste sur ce poste ; rien n’est envoyé
        ailleurs.
      </p>
      <p>Le fichier du catalogue est choisi au lancement de l’application :</p>
      <ul>
        <li>
          <strong>Application de bureau</strong> : le fichier <span className="set-mono">catalogue.sqlite</span> du dossier
          des données de l’utilisateur de Synthèse régionale, sauvegardé régulièrement dans son sous-dossier
          <span className="set-mono"> sauvegardes</span>. Le menu Fichier permet d’ouvrir un autre catalogue, de le
          sauvegarder ou de restaurer une sauvegarde ; le menu Aide, « À propos », affiche le chemin du catalogue ouvert.
        </li>
        <li>
          <strong>Dans un navigateur</strong> : le fichier indiqué par l’option <span className="set-mono">--db</span> de
          <span className="set-mono"> npm run web</span> (par défaut <span className="set-mono">out/catalogue.sqlite</span>{' '}
          dans le dossier de l’application). Pour changer de catalogue, relancez la commande avec un autre fichier.
        </li>
      </ul>
      <p className="fr-text--sm">
        Cet écran ne peut pas encore afficher le chemin exact du catalogue ouvert.
      </p>
    </section>
  );
}
