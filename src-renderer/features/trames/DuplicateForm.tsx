import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useState } from 'react';
import type { Trame } from '../../../src-main/contract/schemas/trame.ts';
import { useApp } from '../../app/AppContext.tsx';
import { navigate } from '../../app/routes.ts';
import { focusWhenShown } from '../../components/focus.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useMutation } from '../../components/useCall.ts';

/** "Dupliquer": a copy the user can adapt, the original left untouched. */
export function DuplicateForm({ trame, onDuplicated }: { trame: Trame; onDuplicated: () => void }) {
  const { notify } = useApp();
  const { run, busy, error, clearError } = useMutation();
  const [name, setName] = useState(`${trame.name} (copie)`);
  return (
    <>
      <form
        className="trm-duplicate"
        onSubmit={async (e) => {
          e.preventDefault();
          const copy = await run('trames.duplicate', { id: trame.id, name: name.trim() || undefined });
          if (!copy) return;
          onDuplicated();
          notify({ severity: 'success', message: `Trame « ${copy.name} » créée : vous pouvez l’adapter.` });
          navigate(`/trames/${copy.id}`);
          focusWhenShown('trm-document-title'); // the copy's editor, rather than the top of the page
        }}
      >
        <Input
          label="Nom de la copie"
          nativeInputProps={{ value: name, onChange: (e) => setName(e.target.value) }}
        />
        <Button type="submit" iconId="fr-icon-file-add-line" priority={trame.presetSlug ? 'primary' : 'secondary'} disabled={busy}>
          Dupliquer
        </Button>
      </form>
      <ErrorNotice error={error} onClose={clearError} />
    </>
  );
}
