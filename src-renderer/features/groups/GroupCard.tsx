/**
 * One group: its wording (renamed in place), state, reach, members (checked to split one out, or taken out
 * one by one) and actions. The card itself takes the keyboard's focus: the screen's keys act on it.
 */
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState } from 'react';
import type { Contribution } from '../../../src-main/contract/schemas/content.ts';
import { useUnsavedWork } from '../../app/unsaved.ts';
import type { ContributionGroup } from '../../../src-main/contract/schemas/review.ts';
import { excerpt } from '../contributions/kinds.ts';
import { reachText } from './reach.ts';
import { ReviewBadge } from './ReviewBadge.tsx';
import { ReviewHistory } from './ReviewHistory.tsx';

export interface CardActions {
  retain: () => void;
  setAside: () => void;
  toReview: () => void;
  rename: (wording: string) => Promise<boolean>;
  split: () => void;
  moveOut: (contributionId: number, text: string) => void;
  toggleSelected: () => void;
  toggleMember: (contributionId: number) => void;
}

export function GroupCard({ group: g, members, onShowAll, index, count, selected, checkedMembers, renaming, onRenaming, meetingLabel, busy, actions, onKeyDown }: {
  group: ContributionGroup;
  /** Its members as shown: the list's first ones, or all of them once asked for (onShowAll). */
  members: Contribution[];
  onShowAll: () => void;
  index: number;
  count: number;
  selected: boolean;
  checkedMembers: ReadonlySet<number>;
  renaming: boolean;
  onRenaming: (on: boolean) => void;
  meetingLabel: (id: number) => string;
  busy: boolean;
  actions: CardActions;
  onKeyDown: (event: React.KeyboardEvent<HTMLLIElement>) => void;
}) {
  const name = excerpt(g.wording, 60);
  const checked = members.filter((m) => checkedMembers.has(m.id)).length;
  return (
    <li
      id={`group-${g.id}`}
      className={`group-card group-card--${g.review}${selected ? ' group-card--selected' : ''}`}
      tabIndex={0}
      aria-label={`Groupe ${index + 1} sur ${count} : ${g.wording}${selected ? ' (choisi)' : ''}`}
      aria-describedby="groups-keys"
      onKeyDown={onKeyDown}
    >
      <div className="group-card__head">
        <div className="fr-checkbox-group fr-checkbox-group--sm group-card__choose">
          <input type="checkbox" id={`group-choose-${g.id}`} checked={selected} onChange={actions.toggleSelected} />
          <label className="fr-label" htmlFor={`group-choose-${g.id}`}>
            <span className="app-sr-only">Choisir le groupe « {name} » pour le fusionner</span>
          </label>
        </div>
        {renaming ? (
          <WordingEditor group={g} onSave={actions.rename} onClose={() => onRenaming(false)} />
        ) : (
          <p className="group-card__wording fr-mb-1w">{g.wording}</p>
        )}
      </div>
      <p className="group-card__tags fr-mb-1w">
        <ReviewBadge review={g.review} />
        <span className="fr-text--sm group-card__reach">{reachText(g.reach)}</span>
      </p>
      <ul className="group-card__members" aria-label={`Contributions du groupe « ${name} »`}>
        {members.map((m) => (
          <li key={m.id} className="group-member">
            <div className="fr-checkbox-group fr-checkbox-group--sm">
              <input type="checkbox" id={`group-member-${m.id}`} checked={checkedMembers.has(m.id)} onChange={() => actions.toggleMember(m.id)} />
              <label className="fr-label" htmlFor={`group-member-${m.id}`}>
                <span className="group-member__text">{m.text}</span>
                <span className="fr-hint-text">
                  {m.sourceMeetingIds.length === 0 ? 'Aucune rencontre d’origine' : m.sourceMeetingIds.map(meetingLabel).join(' ; ')}
                </span>
              </label>
            </div>
            <Button
              size="small"
              priority="tertiary no outline"
              iconId="fr-icon-logout-box-r-line"
              disabled={busy}
              nativeButtonProps={{ 'aria-label': `Sortir « ${excerpt(m.text, 60)} » du groupe` }}
              onClick={() => actions.moveOut(m.id, m.text)}
            >
              Sortir du groupe
            </Button>
          </li>
        ))}
      </ul>
      {g.memberTotal > members.length && (
        <p className="fr-text--sm">
          {`… et ${(g.memberTotal - members.length).toLocaleString('fr-FR')} autres contributions dans ce groupe. `}
          <Button size="small" priority="tertiary" onClick={onShowAll}>
            Les afficher
          </Button>
        </p>
      )}
      <div className="group-card__actions">
        <Button size="small" iconId="fr-icon-check-line" disabled={busy || g.review === 'retenue'} onClick={actions.retain}
          nativeButtonProps={{ 'aria-label': `Retenir « ${name} » (R)` }}>
          Retenir
        </Button>
        <Button size="small" priority="secondary" iconId="fr-icon-close-line" disabled={busy || g.review === 'ecartee'} onClick={actions.setAside}
          nativeButtonProps={{ 'aria-label': `Écarter « ${name} » (E)` }}>
          Écarter
        </Button>
        {g.review !== 'a_traiter' && (
          <Button size="small" priority="tertiary" disabled={busy} onClick={actions.toReview}>Remettre à traiter</Button>
        )}
        <Button size="small" priority="secondary" iconId="fr-icon-edit-line" disabled={busy || renaming} onClick={() => onRenaming(true)}
          nativeButtonProps={{ id: `group-rename-${g.id}`, 'aria-label': `Changer le libellé de « ${name} » (L)` }}>
          Renommer
        </Button>
        <Button size="small" priority="secondary" iconId="fr-icon-scissors-line" disabled={busy || checked === 0 || checked === g.memberTotal}
          onClick={actions.split}
          nativeButtonProps={{ 'aria-label': `Séparer les ${checked} contributions cochées de « ${name} » (S)` }}>
          {`Séparer (${checked})`}
        </Button>
      </div>
      <ReviewHistory target="group" id={g.id} label={name} />
    </li>
  );
}

/** The wording in a field: Entrée saves, Échap gives up; what is typed stays until saved or abandoned. */
function WordingEditor({ group, onSave, onClose }: { group: ContributionGroup; onSave: (wording: string) => Promise<boolean>; onClose: () => void }) {
  const [text, setText] = useState(group.wording);
  useUnsavedWork(`libelle-groupe-${group.id}`, text !== group.wording);
  const save = async () => {
    if (text.trim() === '' || text === group.wording) return onClose();
    if (await onSave(text.trim())) onClose();
  };
  return (
    <div className="fr-input-group group-card__editor">
      <label className="fr-label" htmlFor={`group-wording-${group.id}`}>
        Libellé du groupe (repris dans la synthèse)
        <span className="fr-hint-text">Entrée pour enregistrer, Échap pour annuler.</span>
      </label>
      <textarea
        id={`group-wording-${group.id}`}
        className="fr-input"
        rows={2}
        value={text}
        autoFocus
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault();
            void save();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
          }
        }}
      />
      <div className="group-card__editor-actions">
        <Button size="small" onClick={() => void save()}>Enregistrer</Button>
        <Button size="small" priority="tertiary" onClick={onClose}>Annuler</Button>
      </div>
    </div>
  );
}
