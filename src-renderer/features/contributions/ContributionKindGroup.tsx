import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState } from 'react';
import type { ReviewState } from '../../../src-main/contract/domain.ts';
import type { Contribution } from '../../../src-main/contract/schemas/content.ts';
import { frenchNumber } from '../../components/format.ts';
import { ContributionItem } from './ContributionItem.tsx';
import { CONTRIBUTION_KIND_LABELS, KIND_GROUP_TITLES } from './kinds.ts';
import type { ContributionPatch, KindGroup } from './useContributionBoard.ts';

/** Long lists are drawn 50 at a time. */
const PAGE = 50;

export interface GroupActions {
  toggle: (c: Contribution, keep: boolean) => void;
  review: (c: Contribution, review: ReviewState) => void;
  move: (c: Contribution, delta: -1 | 1, focus: 'item' | 'button') => void;
  edit: (c: Contribution, patch: ContributionPatch) => void;
  remove: (c: Contribution) => Promise<unknown>;
  add: () => void;
}

/** What one item needs beside its record, shared by the kept groups and the list of the others. */
export interface ItemContext {
  hintId: string;
  headings: string[];
  meetingLabel: (id: number) => string;
  defiText: (id: number) => string | null;
  editingId: number | null;
  setEditingId: (id: number | null) => void;
  actions: GroupActions;
}

export function contributionItem(ctx: ItemContext, c: Contribution, rank: number | null, count: number, extra: { showKind?: boolean; onMove?: (delta: -1 | 1) => void } = {}) {
  return (
    <ContributionItem
      key={c.id}
      contribution={c}
      rank={rank}
      count={count}
      hintId={ctx.hintId}
      editing={ctx.editingId === c.id}
      headings={ctx.headings}
      meetingLabel={ctx.meetingLabel}
      defiText={ctx.defiText}
      showKind={extra.showKind}
      onToggle={(keep) => ctx.actions.toggle(c, keep)}
      onReview={(review) => ctx.actions.review(c, review)}
      onMove={(delta, focus) => {
        extra.onMove?.(delta);
        ctx.actions.move(c, delta, focus);
      }}
      onEdit={(patch) => ctx.actions.edit(c, patch)}
      onEditing={(on) => ctx.setEditingId(on ? c.id : null)}
      onDelete={() => ctx.actions.remove(c)}
    />
  );
}

/** The contributions of one kind kept for the synthesis, in the document's order. */
export function ContributionKindGroup({ group, ctx }: { group: KindGroup; ctx: ItemContext }) {
  const { kind, kept } = group;
  const [limit, setLimit] = useState(PAGE);
  const left = kept.length - limit;
  return (
    <section className="contrib-group fr-mb-5w" aria-labelledby={`contrib-group-${kind}`}>
      <div className="contrib-group__head">
        <h3 id={`contrib-group-${kind}`} tabIndex={-1} className="fr-h5 fr-mb-1w">
          {KIND_GROUP_TITLES[kind]}{' '}
          <span className="fr-text--md contrib-group__count">
            ({frenchNumber(kept.length)} retenue{kept.length > 1 ? 's' : ''})
          </span>
        </h3>
        <Button size="small" priority="secondary" iconId="fr-icon-add-line" onClick={ctx.actions.add}>
          {`Ajouter : ${CONTRIBUTION_KIND_LABELS[kind].toLowerCase()}`}
        </Button>
      </div>
      {kept.length === 0 ? (
        <p className="contrib-empty">Aucune contribution de ce type retenue pour cette thématique.</p>
      ) : (
        <ol className="contrib-list" aria-label={`${KIND_GROUP_TITLES[kind]} retenues, dans l’ordre du document`}>
          {kept.slice(0, limit).map((c, index) =>
            contributionItem(ctx, c, index + 1, kept.length, { onMove: (delta) => index + 1 + delta > limit && setLimit((l) => l + PAGE) }),
          )}
        </ol>
      )}
      {left > 0 && (
        <Button size="small" priority="tertiary" iconId="fr-icon-arrow-down-s-line" onClick={() => setLimit((l) => l + PAGE)}>
          {`Afficher ${frenchNumber(Math.min(PAGE, left))} retenues de plus (reste ${frenchNumber(left)})`}
        </Button>
      )}
    </section>
  );
}
