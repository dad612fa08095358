/**
 * "Nouvelle rencontre": the whole form, then "Enregistrer" ('meetings.create') and on to the meeting's page.
 * Until it is saved, the draft is kept on this computer: a reload, a look at another screen, even closing the
 * app, loses nothing.
 */
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, useState } from 'react';
import { useUnsavedWork } from '../../app/unsaved.ts';
import { useApp } from '../../app/AppContext.tsx';
import { href, navigate } from '../../app/routes.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useMutation } from '../../components/useCall.ts';
import type { Campaign } from '../../../src-main/contract/schemas/campaign.ts';
import { focusSoon } from '../../components/focus.ts';
import { firstProblemField, missingOf } from './form-problems.ts';
import { COUNT_PROBLEM, countProblems, emptyDraft, fieldsOf } from './meeting-draft.ts';
import { MeetingForm } from './MeetingForm.tsx';
import { type FormApi, useMeetingDraft } from './useMeetingDraft.ts';
import { useTerritory } from './useTerritory.ts';

export function NewMeeting({ campaign }: { campaign: Campaign }) {
  const { notify } = useApp();
  const { territory, error: territoryError } = useTerritory();
  const storageKey = `synthese.nouvelle-rencontre.${campaign.id}`;
  const [resumed] = useState(() => readDraft(storageKey) !== null);
  const { draft, ref, apply } = useMeetingDraft(() => readDraft(storageKey) ?? emptyDraft());
  const dirty = JSON.stringify(draft) !== JSON.stringify(emptyDraft());
  useUnsavedWork('nouvelle-rencontre', dirty, { kept: true });
  useEffect(() => {
    if (dirty) localStorage.setItem(storageKey, JSON.stringify(draft));
    else localStorage.removeItem(storageKey);
  }, [draft, dirty, storageKey]);
  const [tried, setTried] = useState(false);
  const { run, error, busy, clearError } = useMutation();
  const api: FormApi = { draft, change: (c) => void apply(c), commit: () => undefined };
  const missing = tried ? missingOf(draft) : {};
  const problems = [...Object.values(missing), ...(countProblems(draft).size > 0 ? [`Participants : ${COUNT_PROBLEM}`] : [])];

  const save = async () => {
    setTried(true);
    clearError();
    const d = ref.current;
    const field = firstProblemField(d, missingOf(d));
    if (field) {
      focusSoon(field);
      return;
    }
    const created = await run('meetings.create', { campaignId: campaign.id, ...fieldsOf(d) });
    if (!created) return;
    localStorage.removeItem(storageKey);
    apply(emptyDraft());
    notify({ message: `Rencontre « ${created.title} » enregistrée.`, severity: 'success' });
    navigate(`/rencontres/${created.id}`);
    focusSoon('contenu');
  };

  return (
    <>
      <PageHeader
        title="Nouvelle rencontre"
        description={`Consultation « ${campaign.shortTitle} ». Les champs sans mention « obligatoire » peuvent rester vides et être complétés plus tard.`}
      />
      <ErrorNotice error={territoryError} />
      {resumed && dirty && (
        <Alert
          severity="info"
          small
          className="fr-mb-3w"
          description={
            <span className="app-notice">
              Brouillon repris : la saisie commencée tout à l’heure n’a pas encore été enregistrée.
              <Button type="button" size="small" priority="secondary" className="fr-ml-2w" onClick={() => apply(emptyDraft())}>
                Effacer le brouillon
              </Button>
            </span>
          }
        />
      )}
      {!territory ? (
        <Loading what="Chargement des académies" />
      ) : (
        <form
          noValidate
          className="meetings-form"
          aria-label="Nouvelle rencontre"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <MeetingForm api={api} campaign={campaign} territory={territory} missing={missing} />
          <div className="meetings-savebar">
            {tried && problems.length > 0 && (
              <Alert
                severity="error"
                small
                className="fr-mb-2w"
                description={
                  <span role="alert">
                    À compléter avant d’enregistrer : {problems.join(' ')}
                  </span>
                }
              />
            )}
            <ErrorNotice error={error} />
            <div className="meetings-savebar__actions">
              <Button type="submit" iconId="fr-icon-save-line" disabled={busy}>
                {busy ? 'Enregistrement…' : 'Enregistrer'}
              </Button>
              <Button priority="secondary" linkProps={{ href: href('/rencontres'), onClick: () => localStorage.removeItem(storageKey) }}>
                Annuler
              </Button>
            </div>
          </div>
        </form>
      )}
    </>
  );
}

/** The draft left in this session, if any (a damaged one is ignored, not shown). */
function readDraft(key: string): ReturnType<typeof emptyDraft> | null {
  try {
    const stored = localStorage.getItem(key);
    return stored ? { ...emptyDraft(), ...(JSON.parse(stored) as object) } : null;
  } catch {
    return null;
  }
}
