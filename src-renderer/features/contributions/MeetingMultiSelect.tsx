import { Input } from '@codegouvfr/react-dsfr/Input';
import { useMemo, useState } from 'react';
import { frenchNumber } from '../../components/format.ts';
import { fold, type MeetingChoice } from '../retex/useCampaignMeetings.ts';

/** Beyond this many matches, the filter must narrow the list (3 000 meetings stay quick). */
const SHOWN = 100;

/** The meetings a contribution came from: checkboxes in a scrollable fieldset, with a filter. */
export function MeetingMultiSelect({ idPrefix, legend, choices, value, onChange }: {
  idPrefix: string;
  legend: string;
  choices: MeetingChoice[];
  value: number[];
  onChange: (ids: number[]) => void;
}) {
  const [filter, setFilter] = useState('');
  const needle = fold(filter.trim());
  const byId = useMemo(() => new Map(choices.map((c) => [c.id, c])), [choices]);
  const matching = useMemo(() => (needle ? choices.filter((c) => c.haystack.includes(needle)) : choices), [choices, needle]);
  const shown = matching.slice(0, SHOWN);
  const shownIds = new Set(shown.map((c) => c.id));
  /** Checked meetings the filter hides stay visible (first), so that they can be unchecked. */
  const hiddenChecked = value.filter((id) => !shownIds.has(id)).map((id) => byId.get(id) ?? { id, label: `Rencontre n° ${id}` });
  const checked = new Set(value);
  const toggle = (id: number, on: boolean) => onChange(on ? [...value, id] : value.filter((v) => v !== id));

  const box = (m: { id: number; label: string }) => (
    <div key={m.id} className="fr-checkbox-group fr-checkbox-group--sm">
      <input type="checkbox" id={`${idPrefix}-${m.id}`} checked={checked.has(m.id)} onChange={(e) => toggle(m.id, e.target.checked)} />
      <label className="fr-label" htmlFor={`${idPrefix}-${m.id}`}>{m.label}</label>
    </div>
  );

  return (
    <fieldset className="fr-fieldset meeting-multi" aria-describedby={`${idPrefix}-count`}>
      <legend className="fr-fieldset__legend fr-text--regular">{legend}</legend>
      <div className="fr-fieldset__element">
        <Input
          label="Filtrer les rencontres"
          hintText="Mots du titre, lieu ou date (par exemple « Vienne » ou « octobre »)"
          nativeInputProps={{ type: 'search', value: filter, autoComplete: 'off', onChange: (e) => setFilter(e.target.value) }}
        />
        <p id={`${idPrefix}-count`} className="fr-text--sm fr-mb-1w" role="status">
          {frenchNumber(value.length)} cochée{value.length > 1 ? 's' : ''} ·{' '}
          {needle ? `${frenchNumber(matching.length)} sur ${frenchNumber(choices.length)} correspondent au filtre` : `${frenchNumber(choices.length)} rencontres`}
          {matching.length > SHOWN ? ` ; les ${SHOWN} premières sont affichées, précisez le filtre` : ''}
        </p>
        <div className="meeting-multi__list">
          {hiddenChecked.map(box)}
          {shown.map(box)}
          {shown.length === 0 && <p className="fr-text--sm fr-mb-0">Aucune rencontre ne correspond au filtre.</p>}
        </div>
      </div>
    </fieldset>
  );
}
