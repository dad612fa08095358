/** Restitution received (saved when toggled) and notes (saved on blur). */
import { Input } from '@codegouvfr/react-dsfr/Input';
import { ToggleSwitch } from '@codegouvfr/react-dsfr/ToggleSwitch';
import type { FormApi } from './useMeetingDraft.ts';

export function FollowUpFields({ api }: { api: FormApi }) {
  const { draft, change, commit } = api;
  return (
    <>
      <ToggleSwitch
        label="Restitution reçue"
        helperText="La synthèse de la rencontre est parvenue (à la DANE, à la DSDEN…)."
        labelPosition="left"
        className="meetings-toggle"
        checked={draft.restitutionReceived}
        onChange={(checked) => change({ restitutionReceived: checked }, ['restitutionReceived'])}
      />
      <Input
        label="Notes"
        hintText="Pour l’équipe : ce qui reste à demander, une précision sur les chiffres…"
        textArea
        nativeTextAreaProps={{
          rows: 4,
          value: draft.notes,
          maxLength: 10_000,
          onChange: (e) => change({ notes: e.target.value }),
          onBlur: () => commit(['notes']),
        }}
      />
    </>
  );
}
