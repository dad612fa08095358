/**
 * « Restitutions » of one meeting (`#/restitutions/<rencontre>[/<restitution>[/<passage>]]`): its received
 * reports, one added (a file, or text pasted), and the one chosen read and cut into contributions. The
 * search links a passage found here: that restitution opens with the passage shown.
 */
import { Button } from '@codegouvfr/react-dsfr/Button';
import { MEETING_LEVEL_LABELS } from '../../../src-main/contract/domain.ts';
import { href, navigate } from '../../app/routes.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { frenchDate } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useQuery } from '../../components/useCall.ts';
import { AddRestitution } from './AddRestitution.tsx';
import { ReadingView } from './ReadingView.tsx';
import { RestitutionList } from './RestitutionList.tsx';
import './restitutions.css';

const positive = (text: string | undefined) => (text !== undefined && /^\d+$/.test(text) ? Number(text) : null);

export function RestitutionsScreen({ params }: { params: string[] }) {
  const meetingId = positive(params[0]);
  const meeting = useQuery('meetings.get', { id: meetingId ?? 0 }, meetingId === null);
  const list = useQuery('restitutions.list', { meetingId: meetingId ?? 0 }, meetingId === null);
  if (meetingId === null) {
    return <PageHeader title="Restitutions" description="Ouvrez les restitutions depuis la fiche d’une rencontre." />;
  }
  if (meeting.error) {
    return (
      <>
        <PageHeader title="Restitutions" />
        <ErrorNotice error={meeting.error} />
      </>
    );
  }
  if (!meeting.data || meeting.data.id !== meetingId || !list.data) return <Loading what="Chargement des restitutions" />;
  const m = meeting.data;
  const restitutions = list.data;
  const asked = positive(params[1]);
  const chosen = restitutions.find((r) => r.id === asked) ?? restitutions[restitutions.length - 1] ?? null;
  const found = chosen && chosen.id === asked ? positive(params[2]) : null;
  const open = (id: number) => navigate(`/restitutions/${meetingId}/${id}`);
  return (
    <>
      <PageHeader
        title={`Restitutions — ${m.title}`}
        description={`${MEETING_LEVEL_LABELS[m.level]} — ${frenchDate(m.date)}. Sélectionnez un passage d’une restitution pour en faire une contribution.`}
        actions={
          <Button priority="secondary" iconId="fr-icon-arrow-left-line" linkProps={{ href: href(`/rencontres/${meetingId}`) }}>
            Retour à la rencontre
          </Button>
        }
      />
      <ErrorNotice error={list.error} />
      <RestitutionList restitutions={restitutions} chosenId={chosen?.id ?? null} onDeleted={list.reload} />
      <AddRestitution
        meetingId={meetingId}
        onAdded={(id) => {
          list.reload();
          open(id);
        }}
      />
      {chosen && (
        <ReadingView
          key={chosen.id}
          restitutionId={chosen.id}
          campaignId={m.campaignId}
          meetingThematiqueIds={m.thematiqueIds}
          foundPassage={found}
          onCut={list.reload}
        />
      )}
    </>
  );
}
