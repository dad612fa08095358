import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useEffect, useState } from 'react';
import { CONTRIBUTION_KIND_LABELS, type ContributionKind } from '../../../src-main/contract/domain.ts';
import type { TrameSection } from '../../../src-main/contract/schemas/trame.ts';
import type { Problem } from './useTrameEditor.ts';

const KINDS = Object.keys(CONTRIBUTION_KIND_LABELS) as ContributionKind[];

/** The contribution kinds a "Contributions" section prints, saved as soon as one is (un)checked. */
export function ContributionKinds({ value, onChange, problem }: {
  value: ContributionKind[];
  onChange: (kinds: ContributionKind[]) => void;
  problem?: Problem | undefined;
}) {
  return (
    <Checkbox
      legend="Types de contributions"
      hintText="Dans l’ordre de la liste ; au moins un."
      orientation="horizontal"
      small
      state={problem ? 'error' : 'default'}
      stateRelatedMessage={problem?.message}
      options={KINDS.map((kind) => ({
        label: CONTRIBUTION_KIND_LABELS[kind],
        nativeInputProps: {
          checked: value.includes(kind),
          onChange: (e) => onChange(e.target.checked ? KINDS.filter((k) => k === kind || value.includes(k)) : value.filter((k) => k !== kind)),
        },
      }))}
    />
  );
}

/** Items most raised first, each followed by how many meetings raised it and where; saved when (un)checked. */
function MeetingCounts({ checked, onChange }: { checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <Checkbox
      small
      options={[{
        label: 'Ordonner par nombre de rencontres et indiquer « évoquée dans N rencontres »',
        hintText: 'Par exemple : « — évoquée dans 7 rencontres (Charente, Vienne, Corrèze…) », compté dans le périmètre de la synthèse.',
        nativeInputProps: { checked, onChange: (e) => onChange(e.target.checked) },
      }]}
    />
  );
}

/** A count of retex (0 to 20), typed freely, kept in the draft once it is a valid whole number. */
function RetexCount({ label, hint, value, onEdit, onBlur, problem }: {
  label: string; hint: string; value: number; onEdit: (n: number) => void; onBlur: () => void; problem?: Problem | undefined;
}) {
  const [typed, setTyped] = useState(String(value));
  useEffect(() => {
    setTyped((current) => (Number(current) === value && current.trim() !== '' ? current : String(value)));
  }, [value]);
  const valid = /^\d{1,2}$/.test(typed.trim()) && Number(typed) <= 20;
  const message = !valid ? 'nombre entier de 0 à 20 attendu' : problem?.message;
  return (
    <Input
      label={label}
      hintText={hint}
      state={message ? 'error' : 'default'}
      stateRelatedMessage={message}
      nativeInputProps={{
        type: 'number', min: 0, max: 20, step: 1, inputMode: 'numeric', value: typed,
        onChange: (e) => {
          setTyped(e.target.value);
          if (/^\d{1,2}$/.test(e.target.value.trim()) && Number(e.target.value) <= 20) onEdit(Number(e.target.value));
        },
        onBlur,
      }}
    />
  );
}

/** What a section needs besides its title, by source. */
export function SourceFields({ section, problems, onEdit, onCommit, onBlur }: {
  section: TrameSection;
  problems: Problem[];
  onEdit: (patch: Partial<TrameSection>) => void;
  onCommit: (patch: Partial<TrameSection>) => void;
  onBlur: () => void;
}) {
  const problem = (field: string) => problems.find((p) => p.field === field);
  if (section.source === 'contributions') {
    return (
      <>
        <ContributionKinds
          value={section.contributionKinds}
          problem={problem('contributionKinds')}
          onChange={(contributionKinds) => onCommit({ contributionKinds })}
        />
        <MeetingCounts checked={section.meetingCounts} onChange={(meetingCounts) => onCommit({ meetingCounts })} />
      </>
    );
  }
  if (section.source === 'defis_propositions') {
    return <MeetingCounts checked={section.meetingCounts} onChange={(meetingCounts) => onCommit({ meetingCounts })} />;
  }
  if (section.source === 'retex') {
    return (
      <div className="trm-retex">
        <RetexCount label="Retex au minimum" hint="En deçà, la vérification avant génération vous prévient." value={section.retexMin}
          problem={problem('retexMin')} onEdit={(retexMin) => onEdit({ retexMin })} onBlur={onBlur} />
        <RetexCount label="Retex au maximum" hint="Emplacements vides imprimés jusqu’à ce nombre ; au-delà, la vérification vous prévient." value={section.retexMax}
          problem={problem('retexMax')} onEdit={(retexMax) => onEdit({ retexMax })} onBlur={onBlur} />
        <Input
          label="Nom de chaque entrée"
          hintText="Imprimé devant son numéro : « Retex 1 : », « Réalisation 1 : »."
          state={problem('entryLabel') ? 'error' : 'default'}
          stateRelatedMessage={problem('entryLabel')?.message}
          nativeInputProps={{ value: section.entryLabel, maxLength: 40, onChange: (e) => onEdit({ entryLabel: e.target.value }), onBlur }}
        />
      </div>
    );
  }
  return null;
}
