/** One page of meetings: a DSFR table (caption, column and row headers), then the DSFR pagination. */
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Pagination } from '@codegouvfr/react-dsfr/Pagination';
import { MEETING_LEVEL_LABELS } from '../../../src-main/contract/domain.ts';
import type { Meeting } from '../../../src-main/contract/schemas/meeting.ts';
import { frenchDate, frenchNumber } from '../../components/format.ts';
import { href } from '../../app/routes.ts';
import { PlaceCell } from './PlaceCell.tsx';
import type { Territory } from './useTerritory.ts';

export const PAGE_SIZE = 50;

const SOURCE_LABELS: Record<Meeting['participantsSource'], string> = {
  declare: 'total déclaré',
  categories: 'somme des catégories',
  inconnu: 'inconnu',
};

interface Props {
  meetings: Meeting[];
  page: number;
  onPage: (page: number) => void;
  caption: string;
  territory: Territory;
  bassinNames: Map<number, string>;
}

export function MeetingTable({ meetings, page, onPage, caption, territory, bassinNames }: Props) {
  const pages = Math.max(1, Math.ceil(meetings.length / PAGE_SIZE));
  const rows = meetings.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
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
                    <th scope="col">Date</th>
                    <th scope="col">Niveau</th>
                    <th scope="col">Intitulé</th>
                    <th scope="col">Lieu</th>
                    <th scope="col" className="meetings-table__where">Académie / département / bassin</th>
                    <th scope="col" className="app-number">Participants</th>
                    <th scope="col">Restitution</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((m) => (
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
      {pages > 1 && (
        <Pagination
          className="fr-mb-4w"
          count={pages}
          defaultPage={page}
          showFirstLast
          getPageLinkProps={(n) => ({
            href: href('/rencontres'),
            onClick: (e) => {
              e.preventDefault();
              onPage(n);
              // The link pressed may vanish (first/last page): the keyboard goes to the table, its caption says the page.
              document.getElementById('meetings-table')?.focus();
            },
          })}
        />
      )}
    </>
  );
}
