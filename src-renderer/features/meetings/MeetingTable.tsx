/** One page of meetings, as the server sorted it: a DSFR table (caption, sortable column headers, row headers). */
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { MEETING_LEVEL_LABELS } from '../../../src-main/contract/domain.ts';
import type { Meeting, MEETING_SORTS } from '../../../src-main/contract/schemas/meeting.ts';
import { frenchDate, frenchNumber } from '../../components/format.ts';
import { type Sort, SortableHeader } from '../../components/SortableHeader.tsx';
import { href } from '../../app/routes.ts';
import { PlaceCell } from './PlaceCell.tsx';
import type { Territory } from './useTerritory.ts';

export type MeetingSort = (typeof MEETING_SORTS)[number];

const SOURCE_LABELS: Record<Meeting['participantsSource'], string> = {
  declare: 'total déclaré',
  categories: 'somme des catégories',
  inconnu: 'inconnu',
};

interface Props {
  meetings: Meeting[];
  sort: Sort<MeetingSort>;
  onSort: (column: MeetingSort) => void;
  caption: string;
  territory: Territory;
  bassinNames: Map<number, string>;
}

export function MeetingTable({ meetings, sort, onSort, caption, territory, bassinNames }: Props) {
  const header = (column: MeetingSort, label: string, className?: string) => (
    <SortableHeader column={column} label={label} sort={sort} onSort={onSort} className={className} />
  );
  return (
    <>
      <div className="fr-table fr-table--sm meetings-table">
        <div className="fr-table__wrapper">
          <div className="fr-table__container">
            <div className="fr-table__content">
              <table id="meetings-table" tabIndex={-1}>
                <caption>{caption}</caption>
                <thead>
                  <tr>
                    {header('date', 'Date')}
                    {header('level', 'Niveau')}
                    {header('title', 'Intitulé')}
                    <th scope="col">Lieu</th>
                    {header('place', 'Académie / département / bassin', 'meetings-table__where')}
                    {header('participants', 'Participants', 'app-number')}
                    <th scope="col">Restitution</th>
                  </tr>
                </thead>
                <tbody>
                  {meetings.map((m) => (
                    <tr key={m.id}>
                      <td className="meetings-table__date">{frenchDate(m.date)}</td>
                      <td>{MEETING_LEVEL_LABELS[m.level]}</td>
                      <th scope="row" className="fr-cell--multiline meetings-table__title">
                        <a className="fr-link" href={href(`/rencontres/${m.id}`)}>{m.title}</a>
                      </th>
                      <td className="fr-cell--multiline meetings-table__lieu">{m.lieu}</td>
                      <td className="fr-cell--multiline meetings-table__where">
                        <PlaceCell meeting={m} territory={territory} bassinNames={bassinNames} />
                      </td>
                      <td className="app-number">
                        <span className="meetings-table__figure">{m.participants === null ? '—' : frenchNumber(m.participants)}</span>
                        <Badge as="span" small noIcon severity={m.participantsSource === 'inconnu' ? 'warning' : 'info'}>
                          {SOURCE_LABELS[m.participantsSource]}
                        </Badge>
                      </td>
                      <td>
                        <Badge as="span" small severity={m.restitutionReceived ? 'success' : 'warning'}>
                          {m.restitutionReceived ? 'reçue' : 'non reçue'}
                        </Badge>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        </div>
      </div>
    </>
  );
}
