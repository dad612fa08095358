import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import type { StyleTemplateInfo } from '../../../src-main/contract/schemas/style.ts';
import { frenchDate } from '../../components/format.ts';

/** The imported Word templates: fonts, logo, date, and a way to delete each. */
export function StyleTemplatesTable({ templates, defaultId, onDelete }: {
  templates: StyleTemplateInfo[];
  defaultId: number | null;
  onDelete: (template: StyleTemplateInfo, button: HTMLButtonElement) => void;
}) {
  return (
    <div className="fr-table set-table fr-table--sm fr-table--multiline fr-table--bordered">
      <div className="fr-table__wrapper">
        <div className="fr-table__container">
          <div className="fr-table__content">
            <table>
              <caption>Modèles de styles importés</caption>
              <thead>
                <tr>
                  <th scope="col">Modèle</th>
                  <th scope="col">Polices</th>
                  <th scope="col">Logo d’en-tête</th>
                  <th scope="col">Importé le</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {templates.map((t) => (
                  <tr key={t.id}>
                    <th scope="row">
                      {t.name}
                      {t.id === defaultId && <Badge severity="info" small className="fr-ml-1w">Par défaut</Badge>}
                      <br />
                      <span className="fr-text--sm set-mono">{t.fileName}</span>
                    </th>
                    <td>
                      <ul className="set-fonts">
                        <li>Titres : {t.headingFont ?? 'non précisée'}</li>
                        <li>Texte : {t.bodyFont ?? 'non précisée'}</li>
                        {t.fonts.length > 0 && <li className="fr-text--sm">Toutes : {t.fonts.join(', ')}</li>}
                      </ul>
                    </td>
                    <td>
                      {t.hasLogo
                        ? <><span className="fr-icon-image-line fr-icon--sm fr-mr-1v" aria-hidden="true" />Oui</>
                        : 'Non'}
                    </td>
                    <td>{frenchDate(t.importedAt)}</td>
                    <td>
                      <Button
                        priority="tertiary"
                        size="small"
                        iconId="fr-icon-delete-line"
                        nativeButtonProps={{ 'aria-label': `Supprimer le modèle « ${t.name} »` }}
                        onClick={(e) => onDelete(t, e.currentTarget)}
                      >
                        Supprimer
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}
