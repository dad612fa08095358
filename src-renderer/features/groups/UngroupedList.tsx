/** The contributions in no group: checked, then put into a group chosen in one list, or made a new group of their own. */
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useState } from 'react';
import type { Contribution } from '../../../src-main/contract/schemas/content.ts';
import type { ContributionGroup } from '../../../src-main/contract/schemas/review.ts';
import { excerpt } from '../contributions/kinds.ts';

/** Listed at once (a thématique not yet grouped may hold thousands). */
const SHOWN = 200;

export function UngroupedList({ ungrouped, total, groups, checked, busy, onCheck, onMove, onCreate }: {
  ungrouped: Contribution[];
  /** How many there are (the list holds the first ones). */
  total: number;
  groups: ContributionGroup[];
  checked: ReadonlySet<number>;
  busy: boolean;
  onCheck: (id: number) => void;
  onMove: (ids: number[], group: ContributionGroup) => Promise<void>;
  /** A new group of these, worded by the first (renamed afterwards). */
  onCreate: (ids: number[]) => Promise<void>;
}) {
  const [target, setTarget] = useState('');
  const chosen = ungrouped.filter((c) => checked.has(c.id)).map((c) => c.id);
  const group = groups.find((x) => String(x.id) === target);
  return (
    <section className="fr-mt-4w" aria-labelledby="groups-ungrouped-title">
      <h2 id="groups-ungrouped-title" className="fr-h6">{`Contributions sans groupe (${total.toLocaleString('fr-FR')})`}</h2>
      {ungrouped.length > 0 && (
        <div className="groups-move">
          <Button iconId="fr-icon-add-line" priority="secondary" disabled={busy || chosen.length === 0} onClick={() => void onCreate(chosen)}
            nativeButtonProps={{ id: 'groups-create', 'aria-describedby': 'groups-create-hint' }}>
            {`Faire un groupe des contributions cochées (${chosen.length})`}
          </Button>
          <p id="groups-create-hint" className="fr-hint-text fr-mb-0">Le groupe prend le texte de la première cochée pour libellé ; « Renommer » le change.</p>
        </div>
      )}
      {ungrouped.length > 0 && groups.length > 0 && (
        <div className="groups-move">
          <Select label="Groupe de destination" nativeSelectProps={{ id: 'groups-move-target', value: target, onChange: (e) => setTarget(e.target.value) }}>
            <option value="">Choisir un groupe</option>
            {groups.map((x) => <option key={x.id} value={x.id}>{excerpt(x.wording, 90)}</option>)}
          </Select>
          <Button priority="secondary" disabled={busy || !group || chosen.length === 0} onClick={() => group && void onMove(chosen, group)}>
            {`Mettre les contributions cochées dans ce groupe (${chosen.length})`}
          </Button>
        </div>
      )}
      <ul className="group-card__members">
        {ungrouped.slice(0, SHOWN).map((c) => (
          <li key={c.id} className="group-member">
            <div className="fr-checkbox-group fr-checkbox-group--sm">
              <input type="checkbox" id={`group-member-${c.id}`} checked={checked.has(c.id)} onChange={() => onCheck(c.id)} />
              <label className="fr-label" htmlFor={`group-member-${c.id}`}><span className="group-member__text">{c.text}</span></label>
            </div>
          </li>
        ))}
      </ul>
      {total > Math.min(SHOWN, ungrouped.length) && (
        <p className="fr-text--sm">{`… et ${(total - Math.min(SHOWN, ungrouped.length)).toLocaleString('fr-FR')} autres : « Proposer des regroupements » les range.`}</p>
      )}
    </section>
  );
}
