import type { MergeReport } from '../../../src-main/contract/schemas/exchange.ts';
import { frenchDateTime, frenchNumber } from '../../components/format.ts';

const KEY_WORDS: Record<MergeReport['key'], string> = {
  new: 'Premier paquet reçu de ce catalogue : sa clé de signature sera retenue à la fusion, et ses paquets suivants devront porter la même.',
  known: 'Signature vérifiée : clé de signature déjà connue de ce catalogue.',
  changed: 'Nouvelle clé de signature acceptée pour ce catalogue.',
};

/** What a merge would do (or did): figures, then per kind of record, then the conflicts it would open. */
export function MergeReportView({ report }: { report: MergeReport }) {
  const done = !report.dryRun;
  const figures = [
    { label: done ? 'Ajoutés' : 'À ajouter', value: report.added },
    { label: done ? 'Mis à jour' : 'À mettre à jour', value: report.updated },
    { label: done ? 'Supprimés' : 'À supprimer', value: report.deleted },
    { label: 'Inchangés', value: report.unchanged },
    { label: 'Conflits', value: report.conflicts.length },
  ];
  return (
    <div className="xch-report">
      <p className="fr-mb-1w">
        Paquet de <strong>{report.source.name}</strong> ({report.source.scopeLabel}), écrit le {frenchDateTime(report.source.createdAt)}.
      </p>
      <p className="fr-text--sm">{KEY_WORDS[report.key]}</p>
      <ul className="app-figures xch-figures" aria-label={done ? 'Résultat de la fusion' : 'Ce que la fusion ferait'}>
        {figures.map((f) => (
          <li key={f.label} className={`app-figure${f.label === 'Conflits' && f.value > 0 ? ' xch-figure--conflicts' : ''}`}>
            <span className="app-figure__value">{frenchNumber(f.value)}</span> {f.label}
          </li>
        ))}
      </ul>
      {report.byKind.some((k) => k.added + k.updated + k.deleted > 0) ? (
        <div className="fr-table app-table-wrap xch-table">
          <table>
            <caption>{done ? 'Enregistrements fusionnés, par type' : 'Ce que la fusion changerait, par type d’enregistrement'}</caption>
            <thead>
              <tr>
                <th scope="col">Type</th>
                <th scope="col" className="app-number">{done ? 'Ajoutés' : 'À ajouter'}</th>
                <th scope="col" className="app-number">{done ? 'Mis à jour' : 'À mettre à jour'}</th>
                <th scope="col" className="app-number">{done ? 'Supprimés' : 'À supprimer'}</th>
              </tr>
            </thead>
            <tbody>
              {report.byKind.filter((k) => k.added + k.updated + k.deleted > 0).map((k) => (
                <tr key={k.kind}>
                  <th scope="row">{k.label.charAt(0).toUpperCase() + k.label.slice(1)}</th>
                  <td className="app-number">{frenchNumber(k.added)}</td>
                  <td className="app-number">{frenchNumber(k.updated)}</td>
                  <td className="app-number">{frenchNumber(k.deleted)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>
          {report.conflicts.length > 0
            ? 'Rien à ajouter, mettre à jour ni supprimer, hormis les conflits ci-dessous.'
            : 'Rien de nouveau : ce catalogue a déjà tout ce que le paquet apporte.'}
        </p>
      )}
      {report.conflicts.length > 0 && <ConflictPreview conflicts={report.conflicts} done={done} />}
    </div>
  );
}

function ConflictPreview({ conflicts, done }: { conflicts: MergeReport['conflicts']; done: boolean }) {
  return (
    <div className="fr-table app-table-wrap xch-table">
      <table>
        <caption>
          {done ? 'Conflits ouverts' : 'Conflits que la fusion ouvrirait'} : un même champ modifié des deux côtés. La valeur locale est gardée
          en attendant votre choix.
        </caption>
        <thead>
          <tr>
            <th scope="col">Enregistrement</th>
            <th scope="col">Champ</th>
            <th scope="col">Valeur locale</th>
            <th scope="col">Valeur reçue</th>
          </tr>
        </thead>
        <tbody>
          {conflicts.map((c) => (
            <tr key={`${c.uid}:${c.field}`}>
              <th scope="row" className="xch-cell-text">{c.recordLabel}</th>
              <td>{c.fieldLabel}</td>
              <td className="xch-cell-text">{c.local}</td>
              <td className="xch-cell-text">{c.incoming}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
