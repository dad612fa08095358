import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState } from 'react';
import type { Contribution } from '../../../src-main/contract/schemas/content.ts';
import { frenchNumber } from '../../components/format.ts';
import type { MeetingChoice } from '../retex/useCampaignMeetings.ts';
import { ContributionItem } from './ContributionItem.tsx';
import { CONTRIBUTION_KIND_LABELS, KIND_GROUP_TITLES } from './kinds.ts';
import type { ContributionPatch, KindGroup } from './useContributionBoard.ts';

/** Long lists are drawn 50 at a time. */
const PAGE = 50;

export interface GroupActions {
  toggle: (c: Contribution, keep: boolean) => void;
  move: (c: Contribution, delta: -1 | 1, focus: 'item' | 'button') => void;
  edit: (c: Contribution, patch: ContributionPatch) => void;
  remove: (c: Contribution) => Promise<unknown>;
  add: () => void;
}

/** The contributions of one kind: those kept, in the document's order, then the others. */
export function ContributionKindGroup({ group, hintId, defis, headings, meetings, answersOf, editingId, setEditingId, actions }: {
  group: KindGroup;
  hintId: string;
  defis: Contribution[];
  headings: string[];
  meetings: { choices: MeetingChoice[]; byId: Map<number, MeetingChoice> };
  answersOf: (id: number) => number;
  editingId: number | null;
  setEditingId: (id: number | null) => void;
  actions: GroupActions;
}) {
  const { kind, kept, others } = group;
  const [keptLimit, setKeptLimit] = useState(PAGE);
  const [othersLimit, setOthersLimit] = useState(PAGE);
  const total = kept.length + others.length;
  const item = (c: Contribution, rank: number | null) => (
    <ContributionItem
      key={c.id}
      contribution={c}
      rank={rank}
      count={kept.length}
      hintId={hintId}
      editing={editingId === c.id}
      defis={defis}
      headings={headings}
      meetings={meetings}
      answers={c.kind === 'defi' ? answersOf(c.id) : 0}
      onToggle={(keep) => actions.toggle(c, keep)}
      onMove={(delta, focus) => {
        const rankAfter = (rank ?? 0) + delta;
        if (rankAfter > keptLimit) setKeptLimit((l) => l + PAGE);
        actions.move(c, delta, focus);
      }}
      onEdit={(patch) => actions.edit(c, patch)}
      onEditing={(on) => setEditingId(on ? c.id : null)}
      onDelete={() => actions.remove(c)}
    />
  );
  const more = (left: number, onClick: () => void, what: string) =>
    left > 0 && (
      <Button size="small" priority="tertiary" iconId="fr-icon-arrow-down-s-line" onClick={onClick}>
        {`Afficher ${frenchNumber(Math.min(PAGE, left))} ${what} de plus (reste ${frenchNumber(left)})`}
      </Button>
    );

  return (
    <section className="contrib-group fr-mb-5w" aria-labelledby={`contrib-group-${kind}`}>
      <div className="contrib-group__head">
        <h3 id={`contrib-group-${kind}`} tabIndex={-1} className="fr-h5 fr-mb-1w">
          {KIND_GROUP_TITLES[kind]}{' '}
          <span className="fr-text--md contrib-group__count">
            ({frenchNumber(kept.length)} retenue{kept.length > 1 ? 's' : ''} sur {frenchNumber(total)})
          </span>
        </h3>
        <Button size="small" priority="secondary" iconId="fr-icon-add-line" onClick={actions.add}>
          {`Ajouter : ${CONTRIBUTION_KIND_LABELS[kind].toLowerCase()}`}
        </Button>
      </div>
      {total === 0 && <p className="contrib-empty">Aucune contribution de ce type pour cette thématique.</p>}
      {kept.length > 0 && (
        <ol className="contrib-list" aria-label={`${KIND_GROUP_TITLES[kind]} retenues, dans l’ordre du document`}>
          {kept.slice(0, keptLimit).map((c, index) => item(c, index + 1))}
        </ol>
      )}
      {more(kept.length - keptLimit, () => setKeptLimit((l) => l + PAGE), 'retenues')}
      {others.length > 0 && (
        <>
          <h4 className="fr-h6 fr-mt-3w fr-mb-1w">Non retenues ({frenchNumber(others.length)})</h4>
          <ul className="contrib-list" aria-label={`${KIND_GROUP_TITLES[kind]} non retenues`}>
            {others.slice(0, othersLimit).map((c) => item(c, null))}
          </ul>
          {more(others.length - othersLimit, () => setOthersLimit((l) => l + PAGE), 'non retenues')}
        </>
      )}
    </section>
  );
}
