import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { ContributionKind, Scale } from '../../../src-main/contract/domain.ts';
import { DefiSelect } from './DefiSelect.tsx';
import { CONTRIBUTION_KIND_LABELS, KINDS, SCALE_HEADINGS, SCALES } from './kinds.ts';
import { MeetingMultiSelect } from './MeetingMultiSelect.tsx';

export interface FieldValues {
  kind: ContributionKind;
  text: string;
  heading: string | null;
  scale: Scale | null;
  parentId: number | null;
  sourceMeetingIds: number[];
}

/**
 * The fields of a contribution, for the add form and the inline editor alike: `update` follows the
 * typing, `commit` is the moment to save (a text field left, a list chosen, a box checked).
 */
export function ContributionFields({ idPrefix, campaignId, thematiqueId, selfId, values, textError, headings, update, commit }: {
  idPrefix: string;
  campaignId: number;
  thematiqueId: number;
  /** The contribution edited (a défi does not answer itself). */
  selfId?: number;
  values: FieldValues;
  textError: string | null;
  /** Group titles already used in the thématique, offered while typing. */
  headings: string[];
  update: (patch: Partial<FieldValues>) => void;
  commit: (patch: Partial<FieldValues>) => void;
}) {
  return (
    <>
      <Select
        label="Type"
        nativeSelectProps={{
          id: `${idPrefix}-kind`,
          value: values.kind,
          onChange: (e) => commit({ kind: e.target.value as ContributionKind }),
        }}
      >
        {KINDS.map((k) => <option key={k} value={k}>{CONTRIBUTION_KIND_LABELS[k]}</option>)}
      </Select>
      <Input
        textArea
        label="Texte"
        hintText="Une idée par contribution ; **mots** pour du gras."
        state={textError ? 'error' : 'default'}
        stateRelatedMessage={textError ?? undefined}
        nativeTextAreaProps={{
          id: `${idPrefix}-text`,
          rows: Math.min(8, Math.max(3, Math.ceil(values.text.length / 90))),
          value: values.text,
          maxLength: 10_000,
          required: true,
          onChange: (e) => update({ text: e.target.value }),
          onBlur: (e) => commit({ text: e.target.value }),
        }}
      />
      <div className="app-grid-2">
        <Input
          label="Titre de groupe (facultatif)"
          hintText="Les contributions voisines de même titre forment une liste (« Débits », « Points positifs »)"
          nativeInputProps={{
            id: `${idPrefix}-heading`,
            value: values.heading ?? '',
            maxLength: 200,
            list: `${idPrefix}-headings`,
            onChange: (e) => update({ heading: e.target.value }),
            onBlur: (e) => commit({ heading: e.target.value.trim() === '' ? null : e.target.value.trim() }),
          }}
        />
        <datalist id={`${idPrefix}-headings`}>
          {headings.map((h) => <option key={h} value={h} />)}
        </datalist>
        <Select
          label="Échelle (facultatif)"
          hint="Titre du groupe quand aucun titre n’est donné"
          nativeSelectProps={{
            id: `${idPrefix}-scale`,
            value: values.scale ?? '',
            onChange: (e) => commit({ scale: e.target.value === '' ? null : (e.target.value as Scale) }),
          }}
        >
          <option value="">— Sans échelle —</option>
          {SCALES.map((s) => <option key={s} value={s}>{SCALE_HEADINGS[s]}</option>)}
        </Select>
      </div>
      {values.kind === 'proposition' && (
        <DefiSelect
          idPrefix={idPrefix}
          campaignId={campaignId}
          thematiqueId={thematiqueId}
          value={values.parentId}
          exclude={selfId}
          onChange={(parentId) => commit({ parentId })}
        />
      )}
      <MeetingMultiSelect
        idPrefix={`${idPrefix}-sources`}
        legend="Rencontres d’où elle provient"
        campaignId={campaignId}
        value={values.sourceMeetingIds}
        onChange={(sourceMeetingIds) => commit({ sourceMeetingIds })}
      />
    </>
  );
}
