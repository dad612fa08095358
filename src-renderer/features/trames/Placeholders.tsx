import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useQuery } from '../../components/useCall.ts';

/** Where « Insérer » writes: the text field last focused, at its cursor. */
export interface InsertTarget {
  label: string;
  insert: (snippet: string) => void;
}

/**
 * The placeholders a text may quote ({{concertations}}, {{le_date_second_niveau}}…), what each gives in the
 * chosen scope's document, and a button that writes one at the cursor of the text being edited.
 */
export function Placeholders({ campaignId, scope, target }: { campaignId: number; scope: string; target: InsertTarget | null }) {
  const list = useQuery('trames.placeholders', { campaignId, scope });
  const [said, setSaid] = useState('');
  const insert = (name: string) => {
    if (!target) {
      setSaid('Placez d’abord le curseur dans l’un des textes ci-dessous, puis choisissez « Insérer ».');
      return;
    }
    target.insert(`{{${name}}}`);
    setSaid(`{{${name}}} inséré dans « ${target.label} ».`);
  };
  return (
    <section aria-labelledby="trm-placeholders-title" className="trm-placeholders fr-mb-3w">
      <h3 id="trm-placeholders-title" className="fr-h6 fr-mb-1w">Champs calculés</h3>
      <p className="fr-text--sm fr-mb-1w">
        Écrits entre doubles accolades, ils sont remplacés à chaque génération par leur valeur pour le périmètre du document,
        dans les textes comme dans les titres de la trame. Choisissez la forme qui suit votre phrase : « le », « du » ou la date seule.
      </p>
      <ErrorNotice error={list.error} />
      {list.loading && !list.data ? (
        <Loading what="Chargement des champs calculés" />
      ) : (
        <div className="fr-table fr-table--sm fr-table--no-caption app-table-wrap fr-mb-1w">
          <table>
            <caption>Champs calculés et leur valeur pour ce périmètre</caption>
            <thead>
              <tr>
                <th scope="col">Champ</th>
                <th scope="col">Ce qu’il donne</th>
                <th scope="col">Valeur actuelle</th>
                <th scope="col"><span className="app-sr-only">Action</span></th>
              </tr>
            </thead>
            <tbody>
              {(list.data ?? []).map((p) => (
                <tr key={p.name} data-placeholder={p.name}>
                  <th scope="row"><code>{`{{${p.name}}}`}</code></th>
                  <td className="fr-text--sm">{p.description}</td>
                  <td>{p.value}</td>
                  <td>
                    <Button
                      size="small"
                      priority="secondary"
                      // Keeps the text field focused, its cursor where it was (the keyboard path goes through focus).
                      nativeButtonProps={{ 'aria-label': `Insérer {{${p.name}}}`, onMouseDown: (e) => e.preventDefault() }}
                      onClick={() => insert(p.name)}
                    >
                      Insérer
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="fr-text--sm fr-mb-0" role="status" aria-live="polite">{said}</p>
    </section>
  );
}
