/** "#/rencontres/<id>": reads the meeting once, then hands it to the editor. */
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useQuery } from '../../components/useCall.ts';
import { BackToList } from './BackToList.tsx';
import { MeetingEditor } from './MeetingEditor.tsx';

export function EditMeeting({ idText }: { idText: string }) {
  const id = Number(idText);
  const valid = /^\d+$/.test(idText) && id > 0;
  const meeting = useQuery('meetings.get', { id }, !valid);
  if (!valid) {
    return (
      <>
        <PageHeader title="Rencontre introuvable" description={`« ${idText} » ne désigne pas une rencontre.`} />
        <BackToList />
      </>
    );
  }
  if (meeting.error) {
    return (
      <>
        <PageHeader title={meeting.error.payload.code === 'NOT_FOUND' ? 'Rencontre introuvable' : 'Rencontre'} />
        <ErrorNotice error={meeting.error} />
        <BackToList />
      </>
    );
  }
  if (!meeting.data || meeting.data.id !== id) return <Loading what="Chargement de la rencontre" />;
  return <MeetingEditor key={meeting.data.id} meeting={meeting.data} />;
}
