/**
 * The défi a proposition answers: the thématique's défis found by their words on the server (at most 50 offered
 * at a time), the one chosen always among them.
 */
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { frenchNumber } from '../../components/format.ts';
import { useQuery } from '../../components/useCall.ts';
import { useDebounced } from '../retex/useDebounced.ts';
import { excerpt } from './kinds.ts';
import { useDefiTexts } from './useDefiTexts.ts';

const SHOWN = 50;

export function DefiSelect({ idPrefix, campaignId, thematiqueId, value, exclude, onChange }: {
  idPrefix: string;
  campaignId: number;
  thematiqueId: number;
  value: number | null;
  /** Not offered (the défi being edited itself). */
  exclude?: number;
  onChange: (id: number | null) => void;
}) {
  const [text, setText] = useState('');
  const search = useDebounced(text.trim().slice(0, 200));
  const found = useQuery('contributions.list', {
    campaignId, thematiqueId, kind: 'defi', sort: { by: 'position', direction: 'asc' }, limit: SHOWN, ...(search ? { search } : {}),
  });
  const chosenText = useDefiTexts(value === null ? [] : [value]);
  const defis = (found.data?.items ?? []).filter((d) => d.id !== exclude);
  const total = found.data?.total ?? 0;
  const chosenMissing = value !== null && !defis.some((d) => d.id === value);
  return (
    <div className="contrib-defi">
      <Input
        label="Chercher un défi"
        hintText="Mots du défi auquel la proposition répond"
        nativeInputProps={{ id: `${idPrefix}-parent-search`, type: 'search', value: text, autoComplete: 'off', onChange: (e) => setText(e.target.value) }}
      />
      <Select
        label="Défi auquel elle répond (facultatif)"
        hint={
          found.data
            ? total === 0
              ? search ? 'Aucun défi ne correspond.' : 'Cette thématique n’a pas encore de défi.'
              : `${frenchNumber(total)} défi${total > 1 ? 's' : ''}${total > SHOWN ? ` : les ${SHOWN} premiers, précisez la recherche` : ''}. Le document la place sous ce défi.`
            : 'Recherche des défis…'
        }
        nativeSelectProps={{
          id: `${idPrefix}-parent`,
          value: value === null ? '' : String(value),
          onChange: (e) => onChange(e.target.value === '' ? null : Number(e.target.value)),
        }}
      >
        <option value="">— Aucun défi —</option>
        {chosenMissing && <option value={value}>{excerpt(chosenText(value) ?? `Défi n° ${value}`, 110)}</option>}
        {defis.map((d) => <option key={d.id} value={d.id}>{excerpt(d.text, 110)}</option>)}
      </Select>
      <ErrorNotice error={found.error} />
    </div>
  );
}
