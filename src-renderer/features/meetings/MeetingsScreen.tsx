/** "Rencontres": the list (#/rencontres), a new meeting (#/rencontres/nouvelle), a meeting (#/rencontres/12). */
import { useEffect } from 'react';
import { useApp } from '../../app/AppContext.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EditMeeting } from './EditMeeting.tsx';
import { MeetingList } from './MeetingList.tsx';
import { NewMeeting } from './NewMeeting.tsx';
import './meetings.css';

export function MeetingsScreen({ params }: { params: string[] }) {
  const { campaign } = useApp();
  const [first] = params;
  // A link of this screen ("Nouvelle rencontre", a meeting, "Retour à la liste") is replaced by the page it
  // opens: give the focus to the content rather than let it fall on <body>.
  useEffect(() => {
    if (!document.activeElement || document.activeElement === document.body) document.getElementById('contenu')?.focus();
  }, [first]);
  if (first !== undefined && first !== 'nouvelle') return <EditMeeting key={first} idText={first} />;
  if (!campaign) {
    return (
      <PageHeader
        title={first === 'nouvelle' ? 'Nouvelle rencontre' : 'Rencontres'}
        description="Aucune consultation n’est installée : installez-en une dans les paramètres pour enregistrer ses rencontres."
      />
    );
  }
  return first === 'nouvelle' ? <NewMeeting key={campaign.id} campaign={campaign} /> : <MeetingList key={campaign.id} campaign={campaign} />;
}
