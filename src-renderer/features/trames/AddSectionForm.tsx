import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useState } from 'react';
import { useUnsavedWork } from '../../app/unsaved.ts';
import type { ContributionKind, SectionScope, SectionSource } from '../../../src-main/contract/domain.ts';
import type { TrameSection } from '../../../src-main/contract/schemas/trame.ts';
import { SOURCE_LABELS } from './labels.ts';
import { ContributionKinds } from './SourceFields.tsx';

/** A new section at the end of its group: title and content first, the rest in the section itself. */
export function AddSectionForm({ scope, onAdd }: { scope: SectionScope; onAdd: (section: Omit<TrameSection, 'key'>) => void }) {
  const [title, setTitle] = useState('');
  useUnsavedWork('nouvelle-section', title.trim() !== '');
  const [source, setSource] = useState<SectionSource>('text');
  const [kinds, setKinds] = useState<ContributionKind[]>([]);
  const [tried, setTried] = useState(false);
  const titleMissing = title.trim() === '';
  const kindsMissing = source === 'contributions' && kinds.length === 0;
  const where = scope === 'document' ? 'au document' : 'à chaque thématique';
  return (
    <form
      className="trm-add"
      aria-label={`Ajouter une section ${where}`}
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (titleMissing || kindsMissing) return;
        onAdd({
          scope, title: title.trim(), guidance: '', source,
          contributionKinds: source === 'contributions' ? kinds : [],
          retexMin: 0, retexMax: source === 'retex' ? 3 : 0, entryLabel: 'Retex', numbered: scope === 'thematique', titleByThematique: {}, meetingCounts: false,
        });
        setTitle('');
        setSource('text');
        setKinds([]);
        setTried(false);
      }}
    >
      <p className="fr-text--bold fr-mb-1w">Ajouter une section {where}</p>
      <div className="app-grid-2">
        <Input
          label="Titre de la nouvelle section"
          state={tried && titleMissing ? 'error' : 'default'}
          stateRelatedMessage="Donnez un titre à la section."
          nativeInputProps={{ value: title, onChange: (e) => setTitle(e.target.value) }}
        />
        <Select label="Contenu" nativeSelectProps={{ value: source, onChange: (e) => setSource(e.target.value as SectionSource) }}>
          {(Object.keys(SOURCE_LABELS) as SectionSource[])
            .filter((s) => s !== 'bilan' || scope === 'document')
            .map((s) => (
              <option key={s} value={s}>{SOURCE_LABELS[s]}</option>
            ))}
        </Select>
      </div>
      {source === 'contributions' && (
        <ContributionKinds
          value={kinds}
          onChange={setKinds}
          problem={tried && kindsMissing ? { section: null, field: 'contributionKinds', message: 'cochez au moins un type' } : undefined}
        />
      )}
      <Button type="submit" size="small" iconId="fr-icon-add-line" priority="secondary">Ajouter la section</Button>
    </form>
  );
}
