import type { Bilan } from '../../../src-main/contract/schemas/reports.ts';
import { frenchNumber } from '../../components/format.ts';
import { TableFrame } from './TableFrame.tsx';

/** Diversity of actors: participants per category, over the meetings that gave a breakdown. */
export function CategoriesTable({ bilan }: { bilan: Bilan }) {
  const total = bilan.categories.reduce((sum, c) => sum + c.participants, 0);
  const counted = bilan.meetingsWithCategories;
  if (bilan.categories.length === 0) {
    return <p>Aucune rencontre de ce périmètre n’a donné de répartition de ses participants par catégorie.</p>;
  }
  // Never « 0,0 % » for a part that is not nothing, nor « 100,0 % » for one that is not everything.
  const percent = (n: number) => {
    if (total <= 0) return '—';
    const share = n / total * 100;
    if (n > 0 && share < 0.05) return '<\u00A00,1\u00A0%';
    if (n < total && share >= 99.95) return '>\u00A099,9\u00A0%';
    return `${share.toLocaleString('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}\u00A0%`;
  };
  return (
    <TableFrame
      caption={`Participants par catégorie — ${bilan.scope.name} (${frenchNumber(counted)} rencontre${counted > 1 ? 's ont' : ' a'} donné une répartition)`}
    >
      <thead>
        <tr>
          <th scope="col">Catégorie</th>
          <th scope="col" className="app-number fr-cell--right">Participants</th>
          <th scope="col" className="app-number fr-cell--right">Part</th>
        </tr>
      </thead>
      <tbody>
        {bilan.categories.map((c) => (
          <tr key={c.code}>
            <th scope="row">{c.label}</th>
            <td className="app-number fr-cell--right">{frenchNumber(c.participants)}</td>
            <td className="app-number fr-cell--right">{percent(c.participants)}</td>
          </tr>
        ))}
        <tr className="dash-total-row">
          <th scope="row">Total</th>
          <td className="app-number fr-cell--right">{frenchNumber(total)}</td>
          <td className="app-number fr-cell--right">{total > 0 ? '100 %' : '—'}</td>
        </tr>
      </tbody>
    </TableFrame>
  );
}
