import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState } from 'react';
import type { Contribution } from '../../../src-main/contract/schemas/content.ts';
import { ProvenanceLine } from '../../components/ProvenanceLine.tsx';
import { ContributionFields, type FieldValues } from './ContributionFields.tsx';
import type { ContributionPatch } from './useContributionBoard.ts';

/** Inline editing of one contribution: each field saved when left (text) or chosen (lists, boxes). */
export function ContributionEditPanel({ contribution, headings, onEdit, onClose }: {
  contribution: Contribution;
  headings: string[];
  onEdit: (patch: ContributionPatch) => void;
  onClose: () => void;
}) {
  const c = contribution;
  const [values, setValues] = useState<FieldValues>({
    kind: c.kind, text: c.text, heading: c.heading, scale: c.scale, parentId: c.parentId, sourceMeetingIds: c.sourceMeetingIds,
  });
  const [textError, setTextError] = useState<string | null>(null);
  const update = (patch: Partial<FieldValues>) => setValues((v) => ({ ...v, ...patch }));
  const commit = (patch: Partial<FieldValues>) => {
    update(patch);
    if ('text' in patch) {
      if (!patch.text?.trim()) {
        setTextError('Le texte ne peut pas être vide : supprimez plutôt la contribution.');
        return;
      }
      setTextError(null);
    }
    if (patch.kind && patch.kind !== 'proposition') patch = { ...patch, parentId: null };
    const changed = Object.fromEntries(
      Object.entries(patch).filter(([key, value]) => JSON.stringify(c[key as keyof Contribution]) !== JSON.stringify(value)),
    ) as ContributionPatch;
    if (Object.keys(changed).length > 0) onEdit(changed);
  };
  return (
    <div id={`contrib-edit-${c.id}`} className="contrib-edit" role="group" aria-label="Modifier la contribution">
      <p className="fr-text--sm contrib-edit__hint">Chaque champ est enregistré dès que vous le quittez ou le choisissez.</p>
      <ProvenanceLine kind="contribution" id={c.id} />
      <ContributionFields
        idPrefix={`contrib-${c.id}`}
        campaignId={c.campaignId}
        thematiqueId={c.thematiqueId}
        selfId={c.id}
        values={values}
        textError={textError}
        headings={headings}
        update={update}
        commit={commit}
      />
      <Button size="small" priority="secondary" iconId="fr-icon-check-line" onClick={onClose}>
        Fermer l’édition
      </Button>
    </div>
  );
}
