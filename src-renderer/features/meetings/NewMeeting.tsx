/** "Nouvelle rencontre": the whole form, then "Enregistrer" ('meetings.create') and on to the meeting's page. */
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState } from 'react';
import { useApp } from '../../app/AppContext.tsx';
import { href, navigate } from '../../app/routes.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useMutation } from '../../components/useCall.ts';
import type { Campaign } from '../../../src-main/contract/schemas/campaign.ts';
import { focusSoon } from './focus.ts';
import { firstProblemField, missingOf } from './form-problems.ts';
import { COUNT_PROBLEM, countProblems, emptyDraft, fieldsOf } from './meeting-draft.ts';
import { MeetingForm } from './MeetingForm.tsx';
import { type FormApi, useMeetingDraft } from './useMeetingDraft.ts';
import { useTerritory } from './useTerritory.ts';

export function NewMeeting({ campaign }: { campaign: Campaign }) {
  const { notify } = useApp();
  const { territory, error: territoryError } = useTerritory();
  const { draft, ref, apply } = useMeetingDraft(emptyDraft);
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
              <Button priority="secondary" linkProps={{ href: href('/rencontres') }}>
                Annuler
              </Button>
            </div>
          </div>
        </form>
      )}
    </>
  );
}
