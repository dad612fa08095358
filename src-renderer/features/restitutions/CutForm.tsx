/** The selected passage, its thématique and nature chosen, made a contribution « à traiter ». */
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useState } from 'react';
import { CONTRIBUTION_KIND_LABELS, type ContributionKind } from '../../../src-main/contract/domain.ts';
import type { Restitution } from '../../../src-main/contract/schemas/restitutions.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useMutation } from '../../components/useCall.ts';
import type { Span } from './ReadingView.tsx';
import { textBetween } from './selection.ts';

/** What a restitution says, in the order a synthesis prints it (« attente »: the 2015 consultation's word). */
export const CUT_KINDS: ContributionKind[] = ['etat_des_lieux', 'attente', 'action', 'defi', 'proposition'];

/** The grammatical gender of each nature's label, for the words that agree with it (« Défi créé », « Attente créée »). */
const FEMININE: Record<ContributionKind, boolean> = {
  etat_des_lieux: false, attente: true, action: true, defi: false, proposition: true,
};

/** What the form says once a contribution is made: « Défi créé, à traiter : « … ». » */
export function cutCreatedMessage(kind: ContributionKind, text: string): string {
  const shown = text.length > 80 ? `${text.slice(0, 79)}…` : text;
  return `${CONTRIBUTION_KIND_LABELS[kind]} ${FEMININE[kind] ? 'créée' : 'créé'}, à traiter : « ${shown} ».`;
}

interface Props {
  restitution: Restitution;
  span: Span | null;
  thematiques: { id: number; number: number; title: string }[];
  meetingThematiqueIds: number[];
  /** Called once the contribution is made, with the span it was cut from (focus goes back there). */
  onCut: () => void;
}

export function CutForm({ restitution, span, thematiques, meetingThematiqueIds, onCut }: Props) {
  const { run, busy, error, clearError } = useMutation();
  /** The last contribution made, said in one place that keeps its height: each replaces the one before. */
  const [done, setDone] = useState('');
  const ofMeeting = thematiques.filter((t) => meetingThematiqueIds.includes(t.id));
  const others = thematiques.filter((t) => !meetingThematiqueIds.includes(t.id));
  const [thematiqueId, setThematiqueId] = useState<number | null>((ofMeeting[0] ?? thematiques[0])?.id ?? null);
  const [kind, setKind] = useState<ContributionKind>('etat_des_lieux');
  const [wording, setWording] = useState('');
  const selected = span ? textBetween(restitution.passages, span.start, span.end).trim() : '';

  const create = async () => {
    if (!span || thematiqueId === null) return;
    clearError();
    setDone('');
    const c = await run('restitutions.cut', {
      restitutionId: restitution.id, start: span.start, end: span.end, thematiqueId, kind, ...(wording.trim() ? { text: wording.trim() } : {}),
    });
    if (c) {
      setWording('');
      setDone(cutCreatedMessage(kind, c.text));
      onCut();
    }
  };

  const option = (t: { id: number; number: number; title: string }) => <option key={t.id} value={t.id}>{t.number}. {t.title}</option>;
  return (
    <section aria-labelledby="rst-cut-title" className="rst-panel">
      <h3 id="rst-cut-title" className="fr-h6">Faire du passage une contribution</h3>
      <div role="status" aria-live="polite" className="fr-mb-2w">
        {selected === '' ? (
          <p className="fr-text--sm fr-mb-0">Aucun passage sélectionné.</p>
        ) : (
          <>
            <p className="fr-text--sm fr-mb-1v">Passage sélectionné :</p>
            <blockquote className="rst-selected">{selected.length > 600 ? `${selected.slice(0, 599)}…` : selected}</blockquote>
          </>
        )}
      </div>
      <Select label="Thématique" nativeSelectProps={{ value: thematiqueId ?? '', onChange: (e) => setThematiqueId(Number(e.target.value)) }}>
        {ofMeeting.length > 0 && others.length > 0 ? (
          <>
            <optgroup label="Thématiques de la rencontre">{ofMeeting.map(option)}</optgroup>
            <optgroup label="Autres thématiques">{others.map(option)}</optgroup>
          </>
        ) : (
          thematiques.map(option)
        )}
      </Select>
      <Select label="Nature" nativeSelectProps={{ value: kind, onChange: (e) => setKind(e.target.value as ContributionKind) }}>
        {CUT_KINDS.map((k) => <option key={k} value={k}>{CONTRIBUTION_KIND_LABELS[k]}</option>)}
      </Select>
      <Input
        textArea
        label="Formulation (facultatif)"
        hintText="Laissée vide, la contribution reprend le passage tel quel."
        nativeTextAreaProps={{ rows: 2, value: wording, maxLength: 10_000, onChange: (e) => setWording(e.target.value) }}
      />
      <Button type="button" iconId="fr-icon-add-line" disabled={busy || !span || thematiqueId === null} onClick={() => void create()}>
        Créer la contribution
      </Button>
      <p className="rst-cut-status fr-text--sm" role="status" aria-live="polite">
        {done !== '' && <span className="fr-icon-success-line fr-icon--sm rst-cut-status__icon" aria-hidden="true" />}
        {done}
      </p>
      <ErrorNotice error={error} onClose={clearError} />
    </section>
  );
}
