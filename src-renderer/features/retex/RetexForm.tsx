import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { Campaign } from '../../../src-main/contract/schemas/campaign.ts';
import { frenchNumber } from '../../components/format.ts';
import { MeetingCombobox } from '../../components/MeetingCombobox.tsx';
import { EtablissementPicker } from './EtablissementPicker.tsx';
import { RetexLinksEditor } from './RetexLinksEditor.tsx';
import type { Draft, RetexFields } from './useRetexDraft.ts';
import type { LinkRow } from './RetexLinksEditor.tsx';
import { sortedThematiques } from './useThematiqueChoice.ts';

/** Beyond this, the text is no longer the "2 ou 3 lignes" the trame asks for. */
const LONG_TEXT = 500;

/** The fields of a retex; `update` follows the typing, `commit` saves (on blur, or at once for lists). */
export function RetexForm({ campaign, draft, titleError, update, commit, commitLinks }: {
  campaign: Campaign;
  draft: Draft;
  titleError: string | null;
  update: (patch: Partial<Draft>) => void;
  commit: (patch: Partial<RetexFields>) => void;
  commitLinks: (rows: LinkRow[]) => void;
}) {
  const length = draft.text.length;
  const optional = (value: string) => (value.trim() === '' ? null : value.trim());
  return (
    <>
      <h2 className="fr-h4">Le retour d’expérience</h2>
      <Input
        label="Titre"
        hintText="Imprimé en gras après « Retex n : », par exemple « Une visite virtuelle du collège »"
        state={titleError ? 'error' : 'default'}
        stateRelatedMessage={titleError ?? undefined}
        nativeInputProps={{
          value: draft.title,
          maxLength: 300,
          required: true,
          onChange: (e) => update({ title: e.target.value }),
          onBlur: (e) => commit({ title: e.target.value }),
        }}
      />
      <Input
        textArea
        label="Texte"
        hintText="2 ou 3 lignes, comme le demande la trame. **mots** pour du gras."
        state={length > LONG_TEXT ? 'info' : 'default'}
        stateRelatedMessage={length > LONG_TEXT ? 'Plus long que les 2 ou 3 lignes prévues : pensez à resserrer.' : undefined}
        nativeTextAreaProps={{
          rows: 4,
          value: draft.text,
          maxLength: 5_000,
          'aria-describedby': 'retex-text-count',
          onChange: (e) => update({ text: e.target.value }),
          onBlur: (e) => commit({ text: e.target.value }),
        }}
      />
      <p id="retex-text-count" className="fr-hint-text retex-count">
        {frenchNumber(length)} caractère{length > 1 ? 's' : ''} (2 ou 3 lignes : environ 200 à 400)
      </p>

      <h2 className="fr-h4 fr-mt-4w">Liens vers des ressources</h2>
      <RetexLinksEditor rows={draft.linkRows} onChange={(linkRows) => update({ linkRows })} onCommit={commitLinks} />

      <h2 className="fr-h4 fr-mt-4w">Contexte</h2>
      <div className="app-grid-2">
        <Input
          label="Niveau (facultatif)"
          hintText="Par exemple : école, collège, lycée professionnel"
          nativeInputProps={{
            value: draft.niveau ?? '',
            maxLength: 100,
            onChange: (e) => update({ niveau: e.target.value }),
            onBlur: (e) => commit({ niveau: optional(e.target.value) }),
          }}
        />
        <Input
          label="Classes (facultatif)"
          hintText="Par exemple : 6e et 5e, CM2"
          nativeInputProps={{
            value: draft.classes ?? '',
            maxLength: 200,
            onChange: (e) => update({ classes: e.target.value }),
            onBlur: (e) => commit({ classes: optional(e.target.value) }),
          }}
        />
      </div>
      <EtablissementPicker uai={draft.etablissementUai} onChange={(etablissementUai) => commit({ etablissementUai })} />
      <MeetingCombobox
        id="retex-source-meeting"
        campaignId={campaign.id}
        label="Rencontre où il a été présenté (facultatif)"
        hint="Tapez une partie de l’intitulé, du lieu ou la date, puis choisissez dans la liste (flèches et Entrée)"
        value={draft.sourceMeetingId}
        onChange={(sourceMeetingId) => commit({ sourceMeetingId })}
      />
      <Select
        label="Thématique"
        nativeSelectProps={{
          value: String(draft.thematiqueId),
          onChange: (e) => commit({ thematiqueId: Number(e.target.value) }),
        }}
      >
        {sortedThematiques(campaign).map((t) => <option key={t.id} value={t.id}>{t.number}. {t.title}</option>)}
      </Select>
    </>
  );
}
