import { Input } from '@codegouvfr/react-dsfr/Input';
import { useEffect, useRef, useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useMutation } from '../../components/useCall.ts';
import type { InsertTarget } from './Placeholders.tsx';

interface Props {
  campaignId: number;
  scope: string;
  sectionKey: string;
  thematiqueId: number | null;
  label: string;
  hint: string;
  initial: string;
  onSaved: (text: string) => void;
  /** Focused: « Insérer » (Placeholders.tsx) now writes here. */
  onFocusField?: (target: InsertTarget) => void;
}

/** One text written in the app, saved when the field is left ("sectionTexts.set"; empty deletes it). */
export function SectionTextField({ campaignId, scope, sectionKey, thematiqueId, label, hint, initial, onSaved, onFocusField }: Props) {
  const [text, setText] = useState(initial);
  const area = useRef<HTMLTextAreaElement | null>(null);
  /** Where the cursor goes once an insertion has rendered. */
  const caret = useRef<number | null>(null);
  useEffect(() => {
    if (caret.current === null || !area.current) return;
    area.current.focus();
    area.current.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  }, [text]);
  // A textarea keeps its selection when it loses focus: the snippet replaces it, the cursor lands after.
  const insert = (snippet: string) => {
    const el = area.current;
    const [start, end] = el ? [el.selectionStart, el.selectionEnd] : [text.length, text.length];
    caret.current = start + snippet.length;
    setText((current) => `${current.slice(0, start)}${snippet}${current.slice(end)}`);
    if (status) setStatus('');
  };
  const [saved, setSaved] = useState(initial);
  const [status, setStatus] = useState('');
  const { run, error, clearError } = useMutation();
  const save = async () => {
    if (text === saved) return;
    setStatus('Enregistrement…');
    const result = await run('sectionTexts.set', { campaignId, scope, sectionKey, thematiqueId, text });
    if (!result) {
      setStatus('Non enregistré');
      return;
    }
    setSaved(result.text);
    onSaved(result.text);
    setStatus(result.text.trim() === '' ? 'Enregistré (texte vide : rien ne sera imprimé)' : 'Enregistré');
  };
  return (
    <div className="trm-text fr-mb-3w">
      <Input
        label={label}
        hintText={hint}
        textArea
        className="fr-mb-1v"
        state={error ? 'error' : 'default'}
        stateRelatedMessage={error ? 'Le texte n’a pas été enregistré (voir ci-dessous).' : undefined}
        nativeTextAreaProps={{
          value: text,
          rows: Math.min(14, Math.max(3, text.split('\n').length + 1)),
          onChange: (e) => {
            setText(e.target.value);
            if (status) setStatus('');
          },
          onBlur: () => void save(),
          onFocus: (e) => {
            area.current = e.currentTarget;
            onFocusField?.({ label, insert });
          },
        }}
      />
      <p className="trm-status fr-text--sm fr-mb-0" role="status" aria-live="polite">
        {status.startsWith('Enregistré') && <span className="fr-icon-check-line fr-icon--sm fr-mr-1v" aria-hidden="true" />}
        {status}
      </p>
      <ErrorNotice error={error} onClose={clearError} />
    </div>
  );
}
