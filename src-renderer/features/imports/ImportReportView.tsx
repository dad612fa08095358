import { Accordion } from '@codegouvfr/react-dsfr/Accordion';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState } from 'react';
import type { ImportReport } from '../../../src-main/contract/schemas/spreadsheets.ts';
import { frenchNumber } from '../../components/format.ts';

const PAGE = 50;

const ACTION_LABELS: Record<ImportReport['rows'][number]['action'], string> = {
  ajout: 'À ajouter',
  'mise-a-jour': 'À mettre à jour',
  inchangee: 'Inchangée',
  refusee: 'Refusée',
};

/** Counts, ignored columns, then every problem with its row and column, as the import found them. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const done = report.applied;
  const figures = [
    { label: done ? 'Ajoutées' : 'À ajouter', value: report.added },
    { label: done ? 'Mises à jour' : 'À mettre à jour', value: report.updated },
    { label: 'Inchangées', value: report.unchanged },
    { label: 'Refusées', value: report.refused },
  ];
  return (
    <div className="imp-report">
      <p className="fr-mb-2w">
        « {report.fileName} », feuille « {report.sheetName} » : {frenchNumber(report.rowsRead)} ligne{report.rowsRead > 1 ? 's' : ''} lue{report.rowsRead > 1 ? 's' : ''}.
      </p>
      <ul className="app-figures imp-figures">
        {figures.map((f) => (
          <li key={f.label} className={`app-figure${f.label === 'Refusées' && f.value > 0 ? ' imp-figure--refused' : ''}`}>
            <span className="app-figure__value">{frenchNumber(f.value)}</span> {f.label}
          </li>
        ))}
      </ul>
      {report.ignoredColumns.length > 0 && (
        <p className="fr-text--sm">
          <strong>Colonnes ignorées</strong> (en-têtes inconnus) :{' '}
          {report.ignoredColumns.map((c) => `« ${c.header} » (colonne ${c.column})`).join(', ')}.
        </p>
      )}
      {report.problems.length > 0 ? <ProblemTable problems={report.problems} /> : <p>Aucun problème : toutes les lignes lues sont valides.</p>}
      {report.rows.length > 0 && (
        <Accordion label={`Détail des ${frenchNumber(report.rows.length)} lignes`} titleAs="h4" className="fr-mt-2w">
          <RowTable rows={report.rows} />
        </Accordion>
      )}
    </div>
  );
}

function ProblemTable({ problems }: { problems: ImportReport['problems'] }) {
  const [shown, setShown] = useState(PAGE);
  return (
    <>
      <div className="fr-table app-table-wrap imp-problems">
        <table>
          <caption>Problèmes ligne par ligne ({frenchNumber(problems.length)})</caption>
          <thead>
            <tr>
              <th scope="col">Ligne</th>
              <th scope="col">Colonne</th>
              <th scope="col">Champ</th>
              <th scope="col">Message</th>
            </tr>
          </thead>
          <tbody>
            {problems.slice(0, shown).map((p, i) => (
              <tr key={`${p.row}-${p.column ?? ''}-${p.field}-${i}`}>
                <th scope="row" className="app-number">{p.row}</th>
                <td>{p.column ?? '—'}</td>
                <td>{p.field}</td>
                <td>{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {problems.length > shown && (
        <Button type="button" size="small" priority="secondary" onClick={() => setShown(shown + PAGE)}>
          Afficher {frenchNumber(Math.min(PAGE, problems.length - shown))} problèmes de plus
        </Button>
      )}
    </>
  );
}

function RowTable({ rows }: { rows: ImportReport['rows'] }) {
  const [shown, setShown] = useState(PAGE);
  return (
    <>
      <div className="fr-table app-table-wrap">
        <table>
          <caption>Lignes du tableau et ce que l’import en fait</caption>
          <thead>
            <tr>
              <th scope="col">Ligne</th>
              <th scope="col">Rencontre</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, shown).map((r) => (
              <tr key={r.row}>
                <th scope="row" className="app-number">{r.row}</th>
                <td>{r.meetingId !== null ? <a className="fr-link" href={`#/rencontres/${r.meetingId}`}>{r.title}</a> : r.title || '—'}</td>
                <td>{ACTION_LABELS[r.action]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > shown && (
        <Button type="button" size="small" priority="secondary" onClick={() => setShown(shown + PAGE)}>
          Afficher {frenchNumber(Math.min(PAGE, rows.length - shown))} lignes de plus
        </Button>
      )}
    </>
  );
}
