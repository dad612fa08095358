import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { ToggleSwitch } from '@codegouvfr/react-dsfr/ToggleSwitch';
import type { Retex } from '../../../src-main/contract/schemas/content.ts';
import { href } from '../../app/routes.ts';
import { ConfirmDelete } from './ConfirmDelete.tsx';
import { LINK_KIND_LABELS } from './links.ts';
import { reorderKey } from './reorder.ts';
import { RichText } from './RichText.tsx';

/** One retex in the thématique's list: what it says, and the controls of the selection. */
export function RetexItem({ retex, rank, count, meetingLabel, hintId, onToggle, onMove, onDelete }: {
  retex: Retex;
  /** 1-based place in the synthesis, null when not kept. */
  rank: number | null;
  count: number;
  meetingLabel: string | null;
  hintId: string;
  onToggle: (keep: boolean) => void;
  onMove: (delta: -1 | 1, focus: 'item' | 'button') => void;
  onDelete: () => Promise<unknown>;
}) {
  const title = retex.title;
  const context = [
    retex.etablissementUai && `Établissement (UAI) : ${retex.etablissementUai}`,
    meetingLabel && `Rencontre : ${meetingLabel}`,
    retex.niveau && `Niveau : ${retex.niveau}`,
    retex.classes && `Classes : ${retex.classes}`,
  ].filter((v): v is string => Boolean(v));
  return (
    <li
      id={`retex-item-${retex.id}`}
      className={`retex-item${rank ? ' retex-item--kept' : ''}`}
      tabIndex={rank ? 0 : undefined}
      aria-describedby={rank ? hintId : undefined}
      onKeyDown={(event) => {
        const delta = rank ? reorderKey(event) : null;
        if (delta === null) return;
        event.preventDefault();
        onMove(delta, 'item');
      }}
    >
      <div className="retex-item__body">
        <h4 className="fr-h6 fr-mb-1w">
          {rank && <span className="retex-item__rank">Retex {rank} : </span>}
          {title}
        </h4>
        {retex.text.trim() ? (
          <p className="fr-text--sm fr-mb-1w retex-item__text"><RichText text={retex.text} /></p>
        ) : (
          <p className="fr-text--sm fr-mb-1w retex-item__empty">Pas encore de texte (2 ou 3 lignes attendues).</p>
        )}
        {context.length > 0 && (
          <ul className="retex-item__meta fr-text--xs fr-mb-1w">
            {context.map((c) => <li key={c}>{c}</li>)}
          </ul>
        )}
        {retex.links.length > 0 && (
          <ul className="retex-item__links fr-text--sm fr-mb-0">
            {retex.links.map((link, index) => (
              <li key={`${index}-${link.url}`}>
                <Badge as="span" small noIcon className="fr-mr-1w">{LINK_KIND_LABELS[link.kind]}</Badge>
                <a href={link.url} target="_blank" rel="noopener noreferrer" title={`${link.label || link.url} — nouvelle fenêtre`}>
                  {link.label || link.url}
                </a>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="retex-item__actions">
        <ToggleSwitch
          id={`retex-keep-${retex.id}`}
          className="retex-item__toggle"
          label={<>Retenu pour la synthèse<span className="app-sr-only"> : {title}</span></>}
          labelPosition="left"
          showCheckedHint={false}
          checked={retex.selected}
          onChange={(checked) => onToggle(checked)}
        />
        {rank && (
          <div className="retex-item__moves">
            <Button
              id={`retex-up-${retex.id}`}
              size="small"
              priority="secondary"
              iconId="fr-icon-arrow-up-line"
              disabled={rank === 1}
              nativeButtonProps={{ 'aria-label': `Monter « ${title} » (position ${rank} sur ${count})` }}
              onClick={() => onMove(-1, 'button')}
            >
              Monter
            </Button>
            <Button
              id={`retex-down-${retex.id}`}
              size="small"
              priority="secondary"
              iconId="fr-icon-arrow-down-line"
              disabled={rank === count}
              nativeButtonProps={{ 'aria-label': `Descendre « ${title} » (position ${rank} sur ${count})` }}
              onClick={() => onMove(1, 'button')}
            >
              Descendre
            </Button>
          </div>
        )}
        <div className="retex-item__moves">
          <Button
            size="small"
            priority="tertiary"
            iconId="fr-icon-edit-line"
            linkProps={{ href: href(`/retex/${retex.id}`), 'aria-label': `Modifier « ${title} »` }}
          >
            Modifier
          </Button>
          <ConfirmDelete name={title} what="le retex" onConfirm={onDelete} />
        </div>
      </div>
    </li>
  );
}
