import { Input } from '@codegouvfr/react-dsfr/Input';
import { useEffect, useRef, useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { SavedStatus } from './SavedStatus.tsx';
import { useSaveSetting } from './useSaveSetting.ts';

/** The contact printed in every page's running footer; saved when the field is left. */
export function ContactField({ value, regionName }: { value: string; regionName: string | null }) {
  const { save, error, busy, saved, clearError } = useSaveSetting();
  const [draft, setDraft] = useState(value);
  const editing = useRef(false);
  // Follow the catalogue's value unless the user is typing.
  useEffect(() => {
    if (!editing.current) setDraft(value);
  }, [value]);
  const commit = async () => {
    editing.current = false;
    const next = draft.trim();
    if (next !== draft) setDraft(next);
    if (next !== value) await save({ contact: next });
  };
  return (
    <div className="set-field">
      <Input
        label="Contact du pied de page"
        hintText="Une adresse fonctionnelle (par exemple celle de la DANE) plutôt que celle d’une personne : les synthèses circulent longtemps, et les personnes changent de poste."
        state={error ? 'error' : 'default'}
        stateRelatedMessage={error ? 'Contact non enregistré' : undefined}
        nativeInputProps={{
          value: draft,
          maxLength: 300,
          onFocus: () => (editing.current = true),
          onChange: (e) => setDraft(e.target.value),
          onBlur: () => void commit(),
          onKeyDown: (e) => {
            if (e.key === 'Enter') void commit();
          },
        }}
      />
      <SavedStatus busy={busy} saved={saved} />
      <ErrorNotice error={error} onClose={clearError} />
      <p className="set-footer-preview">
        Pied de page des synthèses : « Région académique {regionName ?? '…'} — Contact : {draft.trim() || '…'} »
      </p>
    </div>
  );
}
