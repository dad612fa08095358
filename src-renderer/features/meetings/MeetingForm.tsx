/** The meeting's sections, shared by the creation form and the editor; each shows the refusals that concern it. */
import type { ReactNode } from 'react';
import type { CallError } from '../../api/client.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import type { Campaign } from '../../../src-main/contract/schemas/campaign.ts';
import { AteliersEditor } from './AteliersEditor.tsx';
import { AttendanceGrid } from './AttendanceGrid.tsx';
import { FollowUpFields } from './FollowUpFields.tsx';
import { GeneralFields, type Missing } from './GeneralFields.tsx';
import { checkMeeting } from './meeting-checks.ts';
import { PlaceFields } from './PlaceFields.tsx';
import { ThematiquesField } from './ThematiquesField.tsx';
import type { Section } from './useAutosave.ts';
import type { FormApi } from './useMeetingDraft.ts';
import type { Territory } from './useTerritory.ts';

interface Props {
  api: FormApi;
  campaign: Campaign;
  territory: Territory;
  missing: Missing;
  errors?: Partial<Record<Section, CallError>>;
  onCloseError?: (section: Section) => void;
  placePending?: boolean;
}

export function MeetingForm({ api, campaign, territory, missing, errors = {}, onCloseError, placePending = false }: Props) {
  const checks = checkMeeting(api.draft, campaign);
  const part = (section: Section, title: string, children: ReactNode) => (
    <section className="meetings-section" aria-labelledby={`meeting-section-${section}`}>
      <h2 id={`meeting-section-${section}`} className="fr-h4">{title}</h2>
      <ErrorNotice error={errors[section] ?? null} {...(onCloseError && { onClose: () => onCloseError(section) })} />
      {children}
    </section>
  );
  return (
    <>
      {part('general', 'Rencontre', <GeneralFields api={api} checks={checks} missing={missing} />)}
      {part('place', 'Niveau et lieu', <PlaceFields api={api} territory={territory} missing={missing} pending={placePending} />)}
      {part('thematiques', 'Thématiques', <ThematiquesField api={api} campaign={campaign} />)}
      {part('attendance', 'Participation', <AttendanceGrid api={api} checks={checks} />)}
      {part('ateliers', 'Ateliers', <AteliersEditor api={api} campaign={campaign} checks={checks} />)}
      {part('suivi', 'Restitution et notes', <FollowUpFields api={api} />)}
    </>
  );
}
