/** The bassin, among those of the chosen département, with "Ajouter un bassin" inline. */
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useEffect, useRef, useState } from 'react';
import type { Bassin } from '../../../src-main/contract/schemas/territory.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useQuery } from '../../components/useCall.ts';
import { AddBassinForm } from './AddBassinForm.tsx';
import { PLACE_KEYS } from './meeting-draft.ts';
import type { FormApi } from './useMeetingDraft.ts';

export function BassinField({ api, missing }: { api: FormApi; missing: string | undefined }) {
  const { draft, change } = api;
  const departementCode = draft.departementCode;
  const bassins = useQuery('bassins.list', { departementCode }, departementCode === '');
  const [adding, setAdding] = useState(false);
  const [focusSelect, setFocusSelect] = useState(false);
  const selectRef = useRef<HTMLSelectElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);

  useEffect(() => setAdding(false), [departementCode]);
  useEffect(() => {
    if (!focusSelect) return;
    selectRef.current?.focus();
    setFocusSelect(false);
  }, [focusSelect, bassins.data]);

  if (departementCode === '') {
    return <p className="fr-hint-text">Choisissez d’abord le département pour voir ses bassins.</p>;
  }
  const list = bassins.data ?? [];
  const added = (b: Bassin) => {
    setAdding(false);
    bassins.reload();
    change({ bassinId: String(b.id) }, [...PLACE_KEYS]);
    setFocusSelect(true);
  };
  return (
    <div className="meetings-bassin">
      <ErrorNotice error={bassins.error} />
      <Select
        label="Bassin (obligatoire)"
        hint={bassins.loading ? 'Chargement des bassins…' : `${list.length} bassin${list.length > 1 ? 's' : ''} dans ce département`}
        state={missing ? 'error' : 'default'}
        stateRelatedMessage={missing}
        nativeSelectProps={{
          id: 'meeting-bassin',
          ref: selectRef,
          value: draft.bassinId,
          onChange: (e) => change({ bassinId: e.target.value }, [...PLACE_KEYS]),
        }}
      >
        <option value="">Choisir un bassin</option>
        {list.map((b) => (
          <option key={b.id} value={b.id}>{b.nom} ({b.kind})</option>
        ))}
      </Select>
      {adding ? (
        <AddBassinForm
          departementCode={departementCode}
          onAdded={added}
          onCancel={() => {
            setAdding(false);
            setTimeout(() => addRef.current?.focus());
          }}
        />
      ) : (
        <Button ref={addRef} type="button" priority="tertiary" size="small" iconId="fr-icon-add-line" onClick={() => setAdding(true)}>
          Ajouter un bassin
        </Button>
      )}
    </div>
  );
}
