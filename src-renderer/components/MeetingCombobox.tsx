/**
 * A meeting chosen by typing part of its title, place or notes: the WAI-ARIA combobox pattern (an input
 * role=combobox, a listbox of at most 20 meetings asked to the server as one types; arrows, Enter, Escape),
 * never a select of thousands. `value` null and `clearOnChoose`: a field that adds meetings to a list.
 */
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, useId, useRef, useState } from 'react';
import { MEETING_LEVEL_LABELS } from '../../src-main/contract/domain.ts';
import type { Meeting } from '../../src-main/contract/schemas/meeting.ts';
import { ErrorNotice } from './ErrorNotice.tsx';
import { frenchNumber } from './format.ts';
import { meetingLabel, rememberMeetingLabel, useMeetingLabels } from './useMeetingLabels.ts';
import { useQuery } from './useCall.ts';
import { SEARCH_DELAY_MS } from './usePagedList.ts';
import './lists.css';

const SHOWN = 20;

function useSettled(value: string): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [value]);
  return settled;
}

export function MeetingCombobox({ campaignId, label, hint, value, onChange, exclude = [], clearLabel = 'Retirer la rencontre', id }: {
  campaignId: number;
  label: string;
  hint?: string;
  value: number | null;
  onChange: (id: number | null, meeting: Meeting | null) => void;
  /** Meetings not to offer (already chosen). */
  exclude?: readonly number[];
  clearLabel?: string;
  id?: string;
}) {
  const generated = useId().replace(/:/g, '');
  const inputId = id ?? `meeting-combobox-${generated}`;
  const listId = `${inputId}-list`;
  const hintId = `${inputId}-hint`;
  const statusId = `${inputId}-status`;
  // The chosen meeting's label: known from the list it was chosen in, else asked by its id.
  const labelOf = useMeetingLabels(value === null ? [] : [value]);
  const chosenLabel = value === null ? '' : labelOf(value);
  const [text, setText] = useState<string | null>(null); // null: not editing, the chosen meeting's label is shown
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const input = useRef<HTMLInputElement>(null);
  const typed = useSettled(text ?? '');
  const search = typed.trim().slice(0, 200);
  const results = useQuery(
    'meetings.list',
    { campaignId, limit: SHOWN + exclude.length, sort: { by: 'date', direction: 'asc' }, ...(search ? { search } : {}) },
    !open,
  );
  const options = (results.data?.items ?? []).filter((m) => !exclude.includes(m.id)).slice(0, SHOWN);
  const total = results.data ? Math.max(0, results.data.total - exclude.length) : 0;
  useEffect(() => setActive(-1), [search]);

  const choose = (m: Meeting | null) => {
    if (m) rememberMeetingLabel(m);
    onChange(m?.id ?? null, m);
    setText(null);
    setOpen(false);
    setActive(-1);
  };
  const optionId = (index: number) => `${inputId}-option-${index}`;
  useEffect(() => {
    if (active >= 0) document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
  });

  const status = !open
    ? ''
    : results.loading && !results.data
      ? 'Recherche des rencontres…'
      : options.length === 0
        ? 'Aucune rencontre ne correspond.'
        : `${frenchNumber(total)} rencontre${total > 1 ? 's' : ''}${total > options.length ? ` : les ${options.length} premières, précisez la recherche` : ''}. Flèches haut et bas pour parcourir, Entrée pour choisir.`;

  return (
    <div className="fr-input-group app-combobox">
      <label className="fr-label" htmlFor={inputId}>
        {label}
        {hint && <span className="fr-hint-text" id={hintId}>{hint}</span>}
      </label>
      <div className="app-combobox__row">
        <input
          ref={input}
          id={inputId}
          className="fr-input"
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={open && options.length > 0}
          aria-controls={listId}
          aria-activedescendant={open && active >= 0 && active < options.length ? optionId(active) : undefined}
          aria-describedby={`${hint ? `${hintId} ` : ''}${statusId}`}
          maxLength={200}
          value={text ?? chosenLabel}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
          }}
          onFocus={(e) => e.target.select()}
          onBlur={() => {
            // Leaving without choosing: the field shows the meeting chosen before.
            setText(null);
            setOpen(false);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              if (!open) {
                setOpen(true);
                if (text === null) setText('');
              } else setActive((i) => Math.min(options.length - 1, i + 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              if (open) setActive((i) => Math.max(0, i - 1));
            } else if (e.key === 'Enter') {
              if (open && active >= 0 && options[active]) {
                e.preventDefault();
                choose(options[active]!);
              }
            } else if (e.key === 'Escape') {
              if (open) {
                e.preventDefault();
                setOpen(false);
                setActive(-1);
              } else if (text !== null) {
                e.preventDefault();
                setText(null);
              }
            }
          }}
        />
        {value !== null && (
          <Button
            type="button"
            size="small"
            priority="tertiary"
            iconId="fr-icon-close-line"
            nativeButtonProps={{ 'aria-label': `${clearLabel} : ${chosenLabel}` }}
            onClick={() => {
              choose(null);
              input.current?.focus();
            }}
          >
            {clearLabel}
          </Button>
        )}
      </div>
      <ul id={listId} role="listbox" aria-label={label} className="app-combobox__list" hidden={!open || options.length === 0}>
        {open &&
          options.map((m, index) => (
            <li
              key={m.id}
              id={optionId(index)}
              role="option"
              aria-selected={m.id === value}
              className={`app-combobox__option${index === active ? ' app-combobox__option--active' : ''}`}
              // Chosen before the input loses the focus.
              onMouseDown={(e) => {
                e.preventDefault();
                choose(m);
              }}
            >
              {meetingLabel(m)}
              <span className="app-combobox__meta">
                {MEETING_LEVEL_LABELS[m.level]}
                {m.departementCode ? ` · ${m.departementCode}` : m.academieCode ? ` · ${m.academieCode}` : ''}
                {m.lieu ? ` · ${m.lieu}` : ''}
              </span>
            </li>
          ))}
      </ul>
      <p id={statusId} className="fr-text--xs fr-mb-0 app-combobox__status" role="status" aria-live="polite">{status}</p>
      <ErrorNotice error={results.error} />
    </div>
  );
}
