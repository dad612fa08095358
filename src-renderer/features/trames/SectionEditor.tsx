import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { ToggleSwitch } from '@codegouvfr/react-dsfr/ToggleSwitch';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import type { SectionScope, SectionSource } from '../../../src-main/contract/domain.ts';
import type { TrameSection } from '../../../src-main/contract/schemas/trame.ts';
import { ProblemList } from './ProblemList.tsx';
import { SOURCE_HINTS, SOURCE_LABELS } from './labels.ts';
import { SourceFields } from './SourceFields.tsx';
import { ThematiqueTitles } from './ThematiqueTitles.tsx';
import type { Problem } from './useTrameEditor.ts';

export interface SectionHandlers {
  edit: (key: string, patch: Partial<TrameSection>) => void;
  commit: (key: string, patch: Partial<TrameSection>) => void;
  save: () => void;
  move: (key: string, direction: -1 | 1) => void;
  remove: (key: string) => void;
}

interface Props {
  section: TrameSection;
  /** Where it sits in its group (1-based) and how many the group has. */
  position: number;
  count: number;
  /** "2. " for the second numbered section of a thématique. */
  prefix: string;
  problems: Problem[];
  handlers: SectionHandlers;
}

/** One section of the outline: every field saved as it changes, moved with buttons or Alt+arrows. */
export function SectionEditor({ section, position, count, prefix, problems, handlers }: Props) {
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const removeRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) removeRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const { key } = section;
  const headingId = `trm-section-${key}`;
  const problem = (field: string) => problems.find((p) => p.field === field);
  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    if ((e.target as HTMLElement).tagName === 'SELECT') return; // Alt+↓ opens a list
    e.preventDefault();
    if (e.key === 'ArrowUp' && position > 1) handlers.move(key, -1);
    if (e.key === 'ArrowDown' && position < count) handlers.move(key, 1);
  };
  const otherScope: SectionScope = section.scope === 'document' ? 'thematique' : 'document';

  return (
    <li className="trm-section" data-section={key} tabIndex={-1} aria-labelledby={headingId} onKeyDown={onKeyDown}>
      <div className="trm-section__head">
        <h4 id={headingId} className="fr-h6 fr-mb-0">
          <span className="app-sr-only">Section {position} sur {count} : </span>
          {prefix}{section.title.trim() || 'Sans titre'}
        </h4>
        <div className="trm-section__tools">
          <Button
            size="small" priority="tertiary" iconId="fr-icon-arrow-up-line" title="Monter"
            disabled={position === 1}
            nativeButtonProps={{ 'aria-label': `Monter la section « ${section.title} »`, 'aria-keyshortcuts': 'Alt+ArrowUp', 'data-move': 'up' } as Record<string, string>}
            onClick={() => handlers.move(key, -1)}
          />
          <Button
            size="small" priority="tertiary" iconId="fr-icon-arrow-down-line" title="Descendre"
            disabled={position === count}
            nativeButtonProps={{ 'aria-label': `Descendre la section « ${section.title} »`, 'aria-keyshortcuts': 'Alt+ArrowDown', 'data-move': 'down' } as Record<string, string>}
            onClick={() => handlers.move(key, 1)}
          />
          <Button
            ref={removeRef}
            size="small" priority="tertiary" iconId="fr-icon-delete-line"
            nativeButtonProps={{ 'aria-label': `Supprimer la section « ${section.title} »` }}
            onClick={() => setConfirming(true)}
          >
            Supprimer
          </Button>
        </div>
      </div>
      {confirming && (
        <div className="trm-confirm fr-mb-2w" role="group" aria-label="Confirmer la suppression">
          <p className="fr-mb-1w">
            Supprimer la section « {section.title} » de la trame ? Les textes déjà rédigés pour elle sont conservés.
          </p>
          <div className="trm-confirm__actions">
            <Button ref={confirmRef} size="small" iconId="fr-icon-delete-line" onClick={() => handlers.remove(key)}>
              Supprimer la section
            </Button>
            <Button size="small" priority="secondary" onClick={() => setConfirming(false)}>Garder la section</Button>
          </div>
        </div>
      )}
      <ProblemList problems={problems} />
      <div className="app-grid-2">
        <Input
          label="Titre"
          state={problem('title') ? 'error' : 'default'}
          stateRelatedMessage={problem('title')?.message}
          nativeInputProps={{ value: section.title, onChange: (e) => handlers.edit(key, { title: e.target.value }), onBlur: handlers.save }}
        />
        <Select
          label="Contenu"
          hint={SOURCE_HINTS[section.source]}
          state={problem('source') ? 'error' : 'default'}
          stateRelatedMessage={problem('source')?.message}
          nativeSelectProps={{ value: section.source, onChange: (e) => handlers.commit(key, { source: e.target.value as SectionSource }) }}
        >
          {(Object.keys(SOURCE_LABELS) as SectionSource[]).map((source) => (
            <option key={source} value={source} disabled={source === 'bilan' && section.scope === 'thematique' && section.source !== 'bilan'}>
              {SOURCE_LABELS[source]}{source === 'bilan' && section.scope === 'thematique' ? ' (document seulement)' : ''}
            </option>
          ))}
        </Select>
      </div>
      <Input
        label="Consigne de rédaction"
        hintText="Affichée dans l’application pour guider la rédaction, jamais imprimée."
        textArea
        state={problem('guidance') ? 'error' : 'default'}
        stateRelatedMessage={problem('guidance')?.message}
        nativeTextAreaProps={{ value: section.guidance, rows: 2, onChange: (e) => handlers.edit(key, { guidance: e.target.value }), onBlur: handlers.save }}
      />
      <SourceFields
        section={section}
        problems={problems}
        onEdit={(patch) => handlers.edit(key, patch)}
        onCommit={(patch) => handlers.commit(key, patch)}
        onBlur={handlers.save}
      />
      {section.scope === 'thematique' && (
        <ThematiqueTitles
          section={section}
          problem={problem('titleByThematique')}
          onEdit={(patch) => handlers.edit(key, patch)}
          onBlur={handlers.save}
        />
      )}
      <div className="trm-section__foot">
        {section.scope === 'thematique' && (
          <ToggleSwitch
            label="Numérotée"
            helperText={section.numbered ? `Imprimée « ${prefix}${section.title} ».` : 'Imprimée sans numéro.'}
            checked={section.numbered}
            onChange={(numbered) => handlers.commit(key, { numbered })}
          />
        )}
        <Button
          size="small" priority="tertiary no outline"
          iconId={otherScope === 'thematique' ? 'fr-icon-arrow-down-line' : 'fr-icon-arrow-up-line'}
          onClick={() => handlers.commit(key, { scope: otherScope })}
        >
          {otherScope === 'thematique' ? 'Répéter pour chaque thématique' : 'Écrire une fois pour le document'}
        </Button>
        {problem('scope') && <p className="fr-error-text fr-mt-0">{problem('scope')!.message}</p>}
      </div>
    </li>
  );
}
