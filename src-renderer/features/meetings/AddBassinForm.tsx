/** A new bassin in the département, typed inline ('bassins.create'); Échap cancels. */
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { useEffect, useId, useRef, useState } from 'react';
import type { BassinKind } from '../../../src-main/contract/domain.ts';
import type { Bassin } from '../../../src-main/contract/schemas/territory.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useMutation } from '../../components/useCall.ts';

interface Props {
  departementCode: string;
  onAdded: (bassin: Bassin) => void;
  onCancel: () => void;
}

export function AddBassinForm({ departementCode, onAdded, onCancel }: Props) {
  const [kind, setKind] = useState<BassinKind>('ZAP');
  const [nom, setNom] = useState('');
  const { run, error, busy, clearError } = useMutation();
  const nomRef = useRef<HTMLInputElement>(null);
  const kindName = useId();
  const headingId = useId();

  useEffect(() => nomRef.current?.focus(), []);

  const add = async () => {
    const bassin = await run('bassins.create', { departementCode, kind, nom });
    if (bassin) onAdded(bassin);
  };
  return (
    <div
      className="meetings-inline-form"
      role="group"
      aria-labelledby={headingId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        } else if (e.key === 'Enter' && e.target instanceof HTMLInputElement) {
          // Enter adds the bassin; it must not submit the meeting's form around it.
          e.preventDefault();
          void add();
        }
      }}
    >
      <p id={headingId} className="fr-text--bold fr-mb-1w">Nouveau bassin dans le département {departementCode}</p>
      <RadioButtons
        legend="Type"
        name={kindName}
        orientation="horizontal"
        small
        options={[
          { label: 'ZAP (zone d’animation pédagogique)', nativeInputProps: { value: 'ZAP', checked: kind === 'ZAP', onChange: () => setKind('ZAP') } },
          { label: 'Réseau ECLORE', nativeInputProps: { value: 'ECLORE', checked: kind === 'ECLORE', onChange: () => setKind('ECLORE') } },
        ]}
      />
      <Input
        label="Nom du bassin"
        hintText="Par exemple « ZAP Mérignac » ou « Réseau ECLORE Cognac »"
        nativeInputProps={{
          ref: nomRef,
          value: nom,
          maxLength: 200,
          onChange: (e) => {
            setNom(e.target.value);
            clearError();
          },
        }}
      />
      <ErrorNotice error={error} />
      <div className="meetings-inline-form__actions">
        <Button type="button" size="small" disabled={busy} onClick={() => void add()}>Ajouter le bassin</Button>
        <Button type="button" size="small" priority="secondary" onClick={onCancel}>Annuler</Button>
      </div>
    </div>
  );
}
