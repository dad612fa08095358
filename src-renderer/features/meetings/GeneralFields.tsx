/** Intitulé, date, lieu and format: texts saved on blur, the format as soon as it is chosen. */
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { useId } from 'react';
import type { MeetingFormat } from '../../../src-main/contract/domain.ts';
import { CheckMessage } from './CheckMessage.tsx';
import type { MeetingChecks } from './meeting-checks.ts';
import type { FormApi } from './useMeetingDraft.ts';

const FORMATS: { value: MeetingFormat; label: string }[] = [
  { value: 'presentiel', label: 'Présentiel' },
  { value: 'distanciel', label: 'Distanciel' },
  { value: 'hybride', label: 'Hybride' },
];

export interface Missing {
  title?: string;
  date?: string;
  level?: string;
  place?: string;
}

export function GeneralFields({ api, checks, missing }: { api: FormApi; checks: MeetingChecks; missing: Missing }) {
  const { draft, change, commit } = api;
  const dateCheckId = useId();
  const formatName = useId();
  return (
    <>
      <Input
        label="Intitulé (obligatoire)"
        state={missing.title ? 'error' : 'default'}
        stateRelatedMessage={missing.title}
        nativeInputProps={{
          id: 'meeting-title',
          value: draft.title,
          maxLength: 300,
          autoComplete: 'off',
          onChange: (e) => change({ title: e.target.value }),
          onBlur: () => commit(['title']),
        }}
      />
      <div className="app-grid-2">
        <div>
          <Input
            label="Date (obligatoire)"
            hintText="Jour de la rencontre"
            state={missing.date ? 'error' : 'default'}
            stateRelatedMessage={missing.date}
            nativeInputProps={{
              id: 'meeting-date',
              type: 'date',
              value: draft.date,
              'aria-describedby': dateCheckId,
              onChange: (e) => change({ date: e.target.value }),
              onBlur: () => commit(['date']),
            }}
          />
          <CheckMessage id={dateCheckId} messages={checks.date} />
        </div>
        <Input
          label="Lieu"
          hintText="Établissement, salle, ville…"
          nativeInputProps={{
            value: draft.lieu,
            maxLength: 300,
            onChange: (e) => change({ lieu: e.target.value }),
            onBlur: () => commit(['lieu']),
          }}
        />
      </div>
      <RadioButtons
        legend="Format"
        name={formatName}
        orientation="horizontal"
        options={FORMATS.map((f) => ({
          label: f.label,
          nativeInputProps: {
            value: f.value,
            checked: draft.format === f.value,
            onChange: () => change({ format: f.value }, ['format']),
          },
        }))}
      />
    </>
  );
}
