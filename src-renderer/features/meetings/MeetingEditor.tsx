/** An existing meeting: every field saved as it is edited, with its status; "Supprimer" asks first. */
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, useRef, useState } from 'react';
import { useApp } from '../../app/AppContext.tsx';
import { href } from '../../app/routes.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { frenchDate } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { MEETING_LEVEL_LABELS } from '../../../src-main/contract/domain.ts';
import type { Meeting } from '../../../src-main/contract/schemas/meeting.ts';
import { DeleteConfirm } from './DeleteConfirm.tsx';
import type { Missing } from './GeneralFields.tsx';
import { draftOf, type FieldKey, type MeetingDraft } from './meeting-draft.ts';
import { MeetingForm } from './MeetingForm.tsx';
import { ProvenanceLine } from '../../components/ProvenanceLine.tsx';
import { SaveStatus } from './SaveStatus.tsx';
import { useAutosave } from './useAutosave.ts';
import { type FormApi, useMeetingDraft } from './useMeetingDraft.ts';
import { useTerritory } from './useTerritory.ts';

const ALL_KEYS: FieldKey[] = [
  'title', 'date', 'lieu', 'format', 'level', 'academieCode', 'departementCode', 'bassinId', 'etablissementUai',
  'thematiqueIds', 'declaredTotal', 'attendance', 'ateliers', 'restitutionReceived', 'notes',
];

/** A saved meeting keeps its intitulé and date: emptied, they are flagged here and not sent. */
function blankRequired(d: MeetingDraft): Missing {
  return {
    ...(d.title.trim() === '' && { title: 'L’intitulé ne peut pas rester vide : le précédent reste enregistré.' }),
    ...(d.date === '' && { date: 'Date incomplète ou effacée : la précédente reste enregistrée.' }),
  };
}

export function MeetingEditor({ meeting }: { meeting: Meeting }) {
  const { campaigns, campaign: active } = useApp();
  const campaign = campaigns.find((c) => c.id === meeting.campaignId) ?? null;
  const { territory, error: territoryError } = useTerritory();
  const { draft, ref, apply } = useMeetingDraft(() => draftOf(meeting));
  const saver = useAutosave(meeting, ref);
  const { commit } = saver;
  const [confirming, setConfirming] = useState(false);
  const deleteRef = useRef<HTMLButtonElement>(null);

  // Leaving the page saves what a blur may not have (the catalogue is the only copy).
  useEffect(() => () => commit(ALL_KEYS), [commit]);

  const api: FormApi = {
    draft,
    change: (changes, keys) => {
      apply(changes);
      if (keys) commit(keys);
    },
    commit,
  };
  const saved = saver.current;

  return (
    <>
      <PageHeader
        title={saved.title}
        description={`${MEETING_LEVEL_LABELS[saved.level]} — ${frenchDate(saved.date)}${campaign ? ` — consultation « ${campaign.shortTitle} »` : ''}`}
        actions={
          <>
            <Button priority="secondary" iconId="fr-icon-arrow-left-line" linkProps={{ href: href('/rencontres') }}>
              Retour à la liste
            </Button>
            <Button priority="secondary" iconId="fr-icon-file-text-line" linkProps={{ href: href(`/restitutions/${meeting.id}`) }}>
              Restitutions
            </Button>
            <Button ref={deleteRef} type="button" priority="tertiary" iconId="fr-icon-delete-line" onClick={() => setConfirming(true)}>
              Supprimer
            </Button>
          </>
        }
      />
      <ProvenanceLine kind="meeting" id={meeting.id} className="meetings-provenance" />
      {confirming && (
        <DeleteConfirm
          title={saved.title}
          settle={saver.settle}
          onDeleted={saver.retire}
          onKeep={() => {
            setConfirming(false);
            setTimeout(() => deleteRef.current?.focus());
          }}
        />
      )}
      {campaign && active && campaign.id !== active.id && (
        <p className="fr-text--sm">Cette rencontre appartient à la consultation « {campaign.shortTitle} », qui n’est pas la consultation active.</p>
      )}
      <ErrorNotice error={territoryError} />
      {!territory || !campaign ? (
        <Loading />
      ) : (
        <form
          noValidate
          className="meetings-form"
          aria-label={`Rencontre « ${saved.title} »`}
          onSubmit={(e) => {
            e.preventDefault();
            commit(ALL_KEYS);
          }}
        >
          <MeetingForm
            api={api}
            campaign={campaign}
            territory={territory}
            missing={blankRequired(draft)}
            errors={saver.errors}
            onCloseError={saver.clearError}
            placePending={saver.placePending}
          />
          <div className="meetings-savebar">
            <SaveStatus state={saver.state} />
            <Button priority="secondary" size="small" linkProps={{ href: href('/rencontres') }}>
              Retour à la liste
            </Button>
          </div>
        </form>
      )}
    </>
  );
}
