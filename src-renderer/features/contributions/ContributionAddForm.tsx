import { Button } from '@codegouvfr/react-dsfr/Button';
import { ToggleSwitch } from '@codegouvfr/react-dsfr/ToggleSwitch';
import { useEffect, useRef, useState } from 'react';
import type { ContributionKind } from '../../../src-main/contract/domain.ts';
import { useUnsavedWork } from '../../app/unsaved.ts';
import { ContributionFields, type FieldValues } from './ContributionFields.tsx';
import type { ContributionDraft } from './useContributionBoard.ts';

/** A new contribution in the thématique, written here and saved with "Enregistrer". */
export function ContributionAddForm({ campaignId, thematiqueId, kind, headings, busy, onSave, onCancel }: {
  campaignId: number;
  thematiqueId: number;
  kind: ContributionKind;
  headings: string[];
  busy: boolean;
  onSave: (draft: ContributionDraft) => Promise<boolean>;
  onCancel: () => void;
}) {
  const [values, setValues] = useState<FieldValues>({ kind, text: '', heading: null, scale: null, parentId: null, sourceMeetingIds: [] });
  const [selected, setSelected] = useState(true);
  const [textError, setTextError] = useState<string | null>(null);
  useUnsavedWork('nouvelle-contribution', values.text.trim() !== '');
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    setValues((v) => ({ ...v, kind }));
    title.current?.focus();
  }, [kind]);
  const update = (patch: Partial<FieldValues>) =>
    setValues((v) => ({ ...v, ...patch, ...(patch.kind && patch.kind !== 'proposition' ? { parentId: null } : {}) }));

  return (
    <section className="contrib-add fr-mb-4w" aria-labelledby="contrib-add-title">
      <h3 id="contrib-add-title" ref={title} tabIndex={-1} className="fr-h5">Nouvelle contribution</h3>
      <ContributionFields
        idPrefix="contrib-new"
        campaignId={campaignId}
        thematiqueId={thematiqueId}
        values={values}
        textError={textError}
        headings={headings}
        update={update}
        commit={update}
      />
      <ToggleSwitch
        label="Retenue pour la synthèse (placée après les contributions retenues de son type)"
        labelPosition="left"
        showCheckedHint={false}
        checked={selected}
        onChange={setSelected}
      />
      <div className="contrib-add__actions">
        <Button
          iconId="fr-icon-save-line"
          disabled={busy}
          onClick={async () => {
            if (!values.text.trim()) {
              setTextError('Écrivez le texte de la contribution.');
              document.getElementById('contrib-new-text')?.focus();
              return;
            }
            setTextError(null);
            const heading = values.heading?.trim() ? values.heading.trim() : null;
            await onSave({ ...values, text: values.text.trim(), heading, selected });
          }}
        >
          Enregistrer
        </Button>
        <Button priority="secondary" onClick={onCancel}>Abandonner</Button>
      </div>
    </section>
  );
}
