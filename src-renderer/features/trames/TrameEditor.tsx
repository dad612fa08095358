import { Input } from '@codegouvfr/react-dsfr/Input';
import type { Trame } from '../../../src-main/contract/schemas/trame.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useFocusRequest } from '../../components/focus.ts';
import { SCOPE_GROUPS } from './labels.ts';
import { SaveStatus } from './SaveStatus.tsx';
import { SectionGroup } from './SectionGroup.tsx';
import { useSectionOps } from './useSectionOps.ts';
import { useTrameEditor } from './useTrameEditor.ts';

type HeaderField = 'name' | 'title' | 'subtitle' | 'closingNote';

const HEADER_FIELDS: { field: HeaderField; label: string; hint: string; textArea?: boolean }[] = [
  { field: 'name', label: 'Nom de la trame', hint: 'Pour la reconnaître dans les listes ; jamais imprimé.' },
  { field: 'title', label: 'Titre du document', hint: 'La première ligne du document.' },
  { field: 'subtitle', label: 'Sous-titre', hint: 'Pour la région ; une académie ou un département a le sien (« Synthèse académique — … »).' },
  { field: 'closingNote', label: 'Note de fin de thématique', hint: 'Imprimée après chaque thématique (pièces jointes…). Vide : aucune note.', textArea: true },
];

/** The outline editor of a trame the user owns: every change saved as it is made. */
export function TrameEditor({ trame, onSaved }: { trame: Trame; onSaved: (trame: Trame) => void }) {
  const editor = useTrameEditor(trame, onSaved);
  useFocusRequest('trm-document-title'); // after "Dupliquer" or "Annuler" a deletion: the keyboard lands here
  const { handlers, add, announcement } = useSectionOps(editor);
  const { draft, status, failure, edit, save, problemsFor } = editor;
  const headerProblems = problemsFor(null);

  return (
    <div className="trm-editor">
      <div className="trm-editor__bar">
        <SaveStatus status={status} />
      </div>
      {failure?.unplaced && <ErrorNotice error={failure.error} />}
      <section aria-labelledby="trm-document-title" className="fr-mb-4w">
        <h2 id="trm-document-title" tabIndex={-1} className="fr-h4">Document</h2>
        <div className="app-grid-2">
          {HEADER_FIELDS.map(({ field, label, hint, textArea }) => {
            const problem = headerProblems.find((p) => p.field === field);
            const common = {
              label, hintText: hint, state: problem ? ('error' as const) : ('default' as const), stateRelatedMessage: problem?.message,
            };
            const value = draft[field];
            return textArea ? (
              <Input key={field} {...common} textArea
                nativeTextAreaProps={{ value, rows: 3, onChange: (e) => edit({ [field]: e.target.value }), onBlur: () => void save() }} />
            ) : (
              <Input key={field} {...common}
                nativeInputProps={{ value, onChange: (e) => edit({ [field]: e.target.value }), onBlur: () => void save() }} />
            );
          })}
        </div>
      </section>
      <section aria-labelledby="trm-outline-title">
        <h2 id="trm-outline-title" className="fr-h4">Plan</h2>
        <p className="fr-text--sm">
          Le document imprime d’abord les sections du document, puis, pour chaque thématique, ses sections dans l’ordre.
          Pour déplacer une section : boutons « Monter » et « Descendre », ou <kbd>Alt</kbd>+<kbd>↑</kbd> / <kbd>Alt</kbd>+<kbd>↓</kbd> depuis
          un champ de la section.
        </p>
        <p className="app-sr-only" aria-live="polite">{announcement}</p>
        {SCOPE_GROUPS.map(({ scope }) => (
          <SectionGroup
            key={scope}
            scope={scope}
            sections={draft.sections.filter((s) => s.scope === scope)}
            problemsFor={problemsFor}
            handlers={handlers}
            onAdd={add}
          />
        ))}
      </section>
    </div>
  );
}
