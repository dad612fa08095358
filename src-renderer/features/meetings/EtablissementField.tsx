/** The établissement (UAI): searched by name, commune or UAI within the chosen académie or département. */
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useEffect, useState } from 'react';
import type { Etablissement } from '../../../src-main/contract/schemas/territory.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { frenchNumber } from '../../components/format.ts';
import { useQuery } from '../../components/useCall.ts';
import { PLACE_KEYS } from './meeting-draft.ts';
import type { FormApi } from './useMeetingDraft.ts';

const SHOWN = 200;

function labelOf(e: Etablissement): string {
  return `${e.nom}, ${e.commune} (${e.uai})`;
}

export function EtablissementField({ api, missing }: { api: FormApi; missing: string | undefined }) {
  const { draft, change } = api;
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);

  const results = useQuery('etablissements.list', {
    ...(draft.departementCode ? { departementCode: draft.departementCode } : draft.academieCode ? { academieCode: draft.academieCode } : {}),
    ...(search && { search: search.slice(0, 200) }),
    limit: SHOWN,
  });
  const chosen = useQuery('etablissements.get', { uai: draft.etablissementUai }, draft.etablissementUai === '');
  const shown = results.data?.items ?? [];
  const total = results.data?.total ?? 0;
  const current = chosen.data && chosen.data.uai === draft.etablissementUai ? chosen.data : undefined;
  const offered = current && !shown.some((e) => e.uai === current.uai) ? [current, ...shown] : shown;

  const pick = (uai: string) => {
    const etab = offered.find((e) => e.uai === uai);
    change(
      etab ? { etablissementUai: etab.uai, departementCode: etab.departementCode, academieCode: etab.academieCode } : { etablissementUai: '' },
      [...PLACE_KEYS],
    );
  };

  return (
    <div className="meetings-etablissement">
      <Input
        label="Rechercher un établissement"
        hintText={`Nom, commune ou UAI, ${
          draft.departementCode ? `dans le département ${draft.departementCode} (changez-le ci-dessus pour chercher ailleurs)` : draft.academieCode ? 'dans l’académie choisie' : 'dans tout le catalogue'
        } ; la liste ci-dessous se met à jour.`}
        nativeInputProps={{ type: 'search', value: typed, autoComplete: 'off', onChange: (e) => setTyped(e.target.value) }}
      />
      <p className="fr-text--sm fr-mb-1w" aria-live="polite">
        {results.loading
          ? 'Recherche…'
          : total > shown.length
            ? `${frenchNumber(total)} établissements trouvés : les ${shown.length} premiers sont proposés, précisez la recherche.`
            : `${frenchNumber(total)} établissement${total > 1 ? 's' : ''} proposé${total > 1 ? 's' : ''}.`}
      </p>
      <ErrorNotice error={results.error ?? chosen.error} />
      <Select
        label="Établissement (obligatoire)"
        state={missing ? 'error' : 'default'}
        stateRelatedMessage={missing}
        nativeSelectProps={{ id: 'meeting-etablissement', value: draft.etablissementUai, onChange: (e) => pick(e.target.value) }}
      >
        <option value="">Choisir un établissement</option>
        {offered.map((e) => (
          <option key={e.uai} value={e.uai}>{labelOf(e)}</option>
        ))}
      </Select>
      {current && <p className="fr-text--sm" aria-live="polite">Établissement choisi : {labelOf(current)}.</p>}
    </div>
  );
}
