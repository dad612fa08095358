/**
 * The confirm step of "Supprimer", in the page: the meeting is deleted ('meetings.delete'), the list comes
 * back, and the notice offers "Annuler", which puts the meeting back from the copy kept here, under its
 * reference, with the retex and contributions that cited it tied back to it.
 */
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, useRef } from 'react';
import { call } from '../../api/client.ts';
import { type Notice, useApp } from '../../app/AppContext.tsx';
import { navigate } from '../../app/routes.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { asCallError, useMutation } from '../../components/useCall.ts';
import type { Meeting, MeetingLinks } from '../../../src-main/contract/schemas/meeting.ts';
import { focusSoon } from '../../components/focus.ts';
import { announceMeetingsChanged } from './meeting-events.ts';
import { copyOf } from './meeting-draft.ts';

interface Props {
  title: string;
  /** The meeting as the catalogue holds it once the saves under way are done. */
  settle: () => Promise<Meeting>;
  /** Called once the meeting is deleted. */
  onDeleted: () => void;
  onKeep: () => void;
}

export function DeleteConfirm({ title, settle, onDeleted, onKeep }: Props) {
  const { notify } = useApp();
  const { run, error, busy } = useMutation();
  const questionRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => questionRef.current?.focus(), []);

  const confirm = async () => {
    const copy = await settle();
    const done = await run('meetings.delete', { id: copy.id });
    if (!done) return;
    onDeleted();
    const cited = done.links.retexIds.length + done.links.contributionIds.length;
    notify({
      message: `Rencontre « ${copy.title} » supprimée${cited > 0 ? ` ; ${cited} retex ou contribution${cited > 1 ? 's' : ''} ne la ci${cited > 1 ? 'tent' : 'te'} plus` : ''}.`,
      severity: 'success',
      action: { label: 'Annuler', run: () => restore(copy, done.links, notify) },
    });
    navigate('/rencontres');
    focusSoon('contenu');
  };

  return (
    <div
      className="meetings-confirm fr-mb-4w"
      role="group"
      aria-labelledby="meeting-delete-question"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onKeep();
      }}
    >
      <p id="meeting-delete-question" ref={questionRef} tabIndex={-1} className="fr-text--bold">
        Supprimer la rencontre « {title} » ? Sa participation et ses ateliers seront supprimés avec elle ; les retex et
        contributions qui la citent restent, sans cette source. « Annuler » rétablit le tout.
      </p>
      <ErrorNotice error={error} />
      <div className="meetings-savebar__actions">
        <Button type="button" iconId="fr-icon-delete-line" disabled={busy} onClick={() => void confirm()}>
          Confirmer la suppression
        </Button>
        <Button type="button" priority="secondary" onClick={onKeep}>
          Garder la rencontre
        </Button>
      </div>
    </div>
  );
}

async function restore(copy: Meeting, links: MeetingLinks, notify: (n: Omit<Notice, 'id'>) => void): Promise<void> {
  try {
    const again = await call('meetings.restore', { ...copyOf(copy), id: copy.id, links });
    const where = again.id === copy.id ? '' : ` sous une nouvelle référence (${again.id}) : l’ancienne a été reprise par une rencontre créée depuis`;
    notify({ message: `Rencontre « ${again.title} » rétablie${where}.`, severity: 'success' });
    announceMeetingsChanged();
  } catch (e) {
    notify({ message: `La rencontre n’a pas pu être rétablie : ${asCallError(e).message}`, severity: 'error' });
  }
}
