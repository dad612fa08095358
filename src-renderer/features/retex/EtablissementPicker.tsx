import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { frenchNumber } from '../../components/format.ts';
import { useQuery } from '../../components/useCall.ts';
import { useDebounced } from './useDebounced.ts';

const SHOWN = 20;

/** The établissement (UAI) a retex comes from, found by name, commune or UAI in the catalogue. */
export function EtablissementPicker({ uai, onChange }: { uai: string | null; onChange: (uai: string | null) => void }) {
  const [search, setSearch] = useState('');
  const term = useDebounced(search.trim(), 250);
  const current = useQuery('etablissements.get', { uai: uai ?? '' }, uai === null);
  const results = useQuery('etablissements.list', { search: term, limit: SHOWN }, term.length < 2);
  const known = uai !== null && current.data?.uai === uai ? current.data : null;
  const found = term.length >= 2 ? (results.data?.items ?? []) : [];
  const total = term.length >= 2 ? (results.data?.total ?? 0) : 0;

  return (
    <fieldset className="fr-fieldset etab-picker">
      <legend className="fr-fieldset__legend fr-text--regular">Établissement</legend>
      <div className="fr-fieldset__element">
        <p className="fr-mb-1w" id="etab-current" tabIndex={-1}>
          {uai === null
            ? 'Aucun établissement indiqué.'
            : known
              ? <>Choisi : <strong>{known.nom}</strong>, {known.commune} (UAI {known.uai})</>
              : current.error ? `UAI ${uai} (absent du catalogue des établissements)` : `UAI ${uai}`}
          {uai !== null && (
            <Button size="small" priority="tertiary" iconId="fr-icon-close-line" className="fr-ml-2w" onClick={() => onChange(null)}>
              Retirer l’établissement
            </Button>
          )}
        </p>
      </div>
      <div className="fr-fieldset__element">
        <Input
          label={uai === null ? 'Rechercher un établissement' : 'Choisir un autre établissement'}
          hintText="Nom, commune ou UAI (2 caractères au moins)"
          nativeInputProps={{ type: 'search', value: search, autoComplete: 'off', onChange: (e) => setSearch(e.target.value) }}
        />
        <ErrorNotice error={results.error} />
        <p className="fr-text--sm fr-mb-1w" role="status">
          {term.length < 2
            ? ''
            : results.loading
              ? 'Recherche…'
              : total === 0
                ? 'Aucun établissement ne correspond.'
                : `${frenchNumber(total)} établissement${total > 1 ? 's' : ''} trouvé${total > 1 ? 's' : ''}${total > found.length ? ` : les ${found.length} premiers sont affichés, précisez la recherche` : ''}.`}
        </p>
        {found.length > 0 && (
          <ul className="etab-picker__results">
            {found.map((e) => (
              <li key={e.uai}>
                <Button
                  size="small"
                  priority="tertiary"
                  nativeButtonProps={{ 'aria-label': `Choisir ${e.nom}, ${e.commune} (UAI ${e.uai})` }}
                  onClick={() => {
                    onChange(e.uai);
                    setSearch('');
                    document.getElementById('etab-current')?.focus();
                  }}
                >
                  {e.nom} — {e.commune} ({e.uai})
                </Button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </fieldset>
  );
}
