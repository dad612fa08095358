import type { SectionScope } from '../../../src-main/contract/domain.ts';
import type { TrameSection } from '../../../src-main/contract/schemas/trame.ts';
import { AddSectionForm } from './AddSectionForm.tsx';
import { SCOPE_GROUPS } from './labels.ts';
import { type SectionHandlers, SectionEditor } from './SectionEditor.tsx';
import type { Problem } from './useTrameEditor.ts';

interface Props {
  scope: SectionScope;
  sections: TrameSection[];
  problemsFor: (key: string) => Problem[];
  handlers: SectionHandlers;
  onAdd: (section: Omit<TrameSection, 'key'>) => void;
}

/** The sections of one scope, in the order the document prints them. */
export function SectionGroup({ scope, sections, problemsFor, handlers, onAdd }: Props) {
  const group = SCOPE_GROUPS.find((g) => g.scope === scope)!;
  const headingId = `trm-group-${scope}`;
  let numbered = 0;
  return (
    <section aria-labelledby={headingId} className="trm-group fr-mb-4w">
      <h3 id={headingId} className="fr-h5 fr-mb-1w" tabIndex={-1}>{group.title}</h3>
      <p className="fr-text--sm fr-mb-2w">{group.description}</p>
      {sections.length === 0 ? (
        <p className="fr-text--sm">Aucune section.</p>
      ) : (
        <ol className="trm-sections">
          {sections.map((section, index) => {
            const prefix = scope === 'thematique' && section.numbered ? `${++numbered}. ` : '';
            return (
              <SectionEditor
                key={section.key}
                section={section}
                position={index + 1}
                count={sections.length}
                prefix={prefix}
                problems={problemsFor(section.key)}
                handlers={handlers}
              />
            );
          })}
        </ol>
      )}
      <AddSectionForm scope={scope} onAdd={onAdd} />
    </section>
  );
}
