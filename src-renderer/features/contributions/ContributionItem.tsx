import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { ToggleSwitch } from '@codegouvfr/react-dsfr/ToggleSwitch';
import { REVIEW_STATE_LABELS, ReviewState } from '../../../src-main/contract/domain.ts';
import type { Contribution } from '../../../src-main/contract/schemas/content.ts';
import { ConfirmDelete } from '../retex/ConfirmDelete.tsx';
import { reorderKey } from '../retex/reorder.ts';
import { RichText } from '../retex/RichText.tsx';
import { ReviewHistory } from '../groups/ReviewHistory.tsx';
import { ReviewBadge } from '../groups/ReviewBadge.tsx';
import { ContributionEditPanel } from './ContributionEditPanel.tsx';
import { CONTRIBUTION_KIND_LABELS, excerpt, SCALE_HEADINGS } from './kinds.ts';
import type { ContributionPatch } from './useContributionBoard.ts';

/** Sources named on an item (their labels are asked one by one); the others counted. */
export const SOURCES_SHOWN = 3;

/** One contribution: its text, group title, scale and sources; kept or not, its place, inline editing. */
export function ContributionItem({ contribution: c, rank, count, hintId, editing, headings, meetingLabel, defiText, showKind = false, onToggle, onReview, onMove, onEdit, onEditing, onDelete }: {
  contribution: Contribution;
  rank: number | null;
  count: number;
  hintId: string;
  editing: boolean;
  headings: string[];
  meetingLabel: (id: number) => string;
  /** The text of the défi a proposition answers, once known. */
  defiText: (id: number) => string | null;
  /** In the list of every kind (not retained): say which. */
  showKind?: boolean;
  onToggle: (keep: boolean) => void;
  /** À traiter, retenue or écartée (retenue and écartée are the toggle's two sides). */
  onReview: (review: ReviewState) => void;
  onMove: (delta: -1 | 1, focus: 'item' | 'button') => void;
  onEdit: (patch: ContributionPatch) => void;
  onEditing: (on: boolean) => void;
  onDelete: () => Promise<unknown>;
}) {
  const name = excerpt(c.text);
  const parent = c.parentId === null ? null : defiText(c.parentId);
  const sources = c.sourceMeetingIds.map((id, index) => (index < SOURCES_SHOWN ? meetingLabel(id) : ''));
  return (
    <li
      id={`contrib-item-${c.id}`}
      className={`contrib-item${rank ? ' contrib-item--kept' : ''}`}
      tabIndex={rank ? 0 : undefined}
      aria-describedby={rank ? hintId : undefined}
      onKeyDown={(event) => {
        if (event.target !== event.currentTarget && (event.target as HTMLElement).closest('.contrib-edit')) return;
        const delta = rank ? reorderKey(event) : null;
        if (delta === null) return;
        event.preventDefault();
        onMove(delta, 'item');
      }}
    >
      <div className="contrib-item__main">
        <div className="contrib-item__body">
          <p className="fr-mb-1w">
            {rank && <span className="contrib-item__rank">{rank}. </span>}
            <RichText text={c.text} />
          </p>
          <p className="contrib-item__tags fr-mb-1w">
            <ReviewBadge review={c.review} />
            {showKind && <Badge as="span" small noIcon severity="new">{CONTRIBUTION_KIND_LABELS[c.kind]}</Badge>}
            {c.heading && <Badge as="span" small noIcon severity="info">Titre de groupe : {c.heading}</Badge>}
            {c.scale && <Badge as="span" small noIcon>Échelle : {SCALE_HEADINGS[c.scale]}</Badge>}
          </p>
          {parent && <p className="fr-text--sm fr-mb-1w">Répond au défi : « {excerpt(parent, 110)} »</p>}
          <p className="fr-text--xs fr-mb-0 contrib-item__sources">
            {sources.length === 0
              ? 'Aucune rencontre d’origine indiquée.'
              : <>Issue de : {sources.slice(0, SOURCES_SHOWN).join(' ; ')}{sources.length > SOURCES_SHOWN ? ` ; et ${sources.length - SOURCES_SHOWN} autre${sources.length - SOURCES_SHOWN > 1 ? 's' : ''}` : ''}</>}
          </p>
        </div>
        <div className="contrib-item__actions">
          <ToggleSwitch
            id={`contrib-keep-${c.id}`}
            label={<>Retenue<span className="app-sr-only"> pour la synthèse : {name}</span></>}
            labelPosition="left"
            showCheckedHint={false}
            checked={c.selected}
            onChange={(checked) => onToggle(checked)}
          />
          <div className="fr-select-group contrib-item__review">
            <label className="fr-label" htmlFor={`contrib-review-${c.id}`}>
              État<span className="app-sr-only"> de relecture : {name}</span>
            </label>
            <select
              id={`contrib-review-${c.id}`}
              className="fr-select"
              value={c.review}
              onChange={(e) => {
                const review = ReviewState.safeParse(e.target.value);
                if (review.success) onReview(review.data);
              }}
            >
              {ReviewState.options.map((r) => <option key={r} value={r}>{REVIEW_STATE_LABELS[r]}</option>)}
            </select>
          </div>
          {rank && (
            <div className="contrib-item__row">
              <Button
                id={`contrib-up-${c.id}`}
                size="small"
                priority="secondary"
                iconId="fr-icon-arrow-up-line"
                disabled={rank === 1}
                nativeButtonProps={{ 'aria-label': `Monter « ${name} » (position ${rank} sur ${count})` }}
                onClick={() => onMove(-1, 'button')}
              >
                Monter
              </Button>
              <Button
                id={`contrib-down-${c.id}`}
                size="small"
                priority="secondary"
                iconId="fr-icon-arrow-down-line"
                disabled={rank === count}
                nativeButtonProps={{ 'aria-label': `Descendre « ${name} » (position ${rank} sur ${count})` }}
                onClick={() => onMove(1, 'button')}
              >
                Descendre
              </Button>
            </div>
          )}
          <div className="contrib-item__row">
            <Button
              id={`contrib-edit-toggle-${c.id}`}
              size="small"
              priority="tertiary"
              iconId="fr-icon-edit-line"
              nativeButtonProps={{ 'aria-label': `Modifier « ${name} »`, 'aria-expanded': editing, 'aria-controls': editing ? `contrib-edit-${c.id}` : undefined }}
              onClick={() => onEditing(!editing)}
            >
              Modifier
            </Button>
            <ConfirmDelete
              name={name}
              what="la contribution"
              details={c.kind === 'defi' ? 'Les propositions qui y répondent en seront détachées (« Annuler » les y rattache).' : undefined}
              onConfirm={onDelete}
            />
          </div>
        </div>
      </div>
      <ReviewHistory target="contribution" id={c.id} label={name} />
      {editing && (
        <ContributionEditPanel
          contribution={c}
          headings={headings}
          onEdit={onEdit}
          onClose={() => {
            onEditing(false);
            document.getElementById(`contrib-edit-toggle-${c.id}`)?.focus();
          }}
        />
      )}
    </li>
  );
}
