/** The meeting's restitutions: which one is read, how many contributions were taken from each; one removed on confirmation. */
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState } from 'react';
import { RESTITUTION_FORMAT_LABELS, type RestitutionInfo } from '../../../src-main/contract/schemas/restitutions.ts';
import { useApp } from '../../app/AppContext.tsx';
import { href } from '../../app/routes.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { frenchDateTime } from '../../components/format.ts';
import { useMutation } from '../../components/useCall.ts';

export function restitutionName(r: Pick<RestitutionInfo, 'fileName' | 'format'>): string {
  return r.fileName === '' ? RESTITUTION_FORMAT_LABELS[r.format] : r.fileName;
}

export function RestitutionList({ restitutions, chosenId, onDeleted }: { restitutions: RestitutionInfo[]; chosenId: number | null; onDeleted: () => void }) {
  const { notify } = useApp();
  const { run, busy, error, clearError } = useMutation();
  const [confirming, setConfirming] = useState<number | null>(null);
  if (restitutions.length === 0) {
    return <p className="fr-mb-3w">Aucune restitution pour cette rencontre : ajoutez son fichier ou collez son texte ci-dessous.</p>;
  }
  const remove = async (r: RestitutionInfo) => {
    const done = await run('restitutions.delete', { id: r.id });
    setConfirming(null);
    if (done) {
      const n = r.contributionCount;
      const kept = n === 0 ? '' : n === 1 ? ' ; sa contribution reste, sans lien au passage' : ` ; ses ${n} contributions restent, sans lien au passage`;
      notify({ severity: 'success', message: `Restitution « ${restitutionName(r)} » retirée${kept}.` });
      onDeleted();
    }
  };
  return (
    <section aria-labelledby="rst-list-title" className="fr-mb-4w">
      <h2 id="rst-list-title" className="fr-h5">Restitutions reçues ({restitutions.length})</h2>
      <ErrorNotice error={error} onClose={clearError} />
      <ul className="rst-list">
        {restitutions.map((r) => (
          <li key={r.id} className={r.id === chosenId ? 'rst-list__item rst-list__item--chosen' : 'rst-list__item'}>
            <a className="fr-link" href={href(`/restitutions/${r.meetingId}/${r.id}`)} aria-current={r.id === chosenId ? 'true' : undefined}>
              {restitutionName(r)}
            </a>
            <span className="fr-text--sm rst-list__meta">
              {' '}{RESTITUTION_FORMAT_LABELS[r.format]}, ajoutée le {frenchDateTime(r.addedAt)} — {r.passageCount} passages,{' '}
              {r.contributionCount} contribution{r.contributionCount > 1 ? 's' : ''} prise{r.contributionCount > 1 ? 's' : ''}
              {r.pendingCount > 0 ? ` (${r.pendingCount} à traiter)` : ''}
            </span>
            {confirming === r.id ? (
              <span className="rst-list__confirm" role="group" aria-label={`Retirer « ${restitutionName(r)} » ?`}>
                <Button type="button" size="small" disabled={busy} onClick={() => void remove(r)}>Confirmer le retrait</Button>
                <Button type="button" size="small" priority="secondary" onClick={() => setConfirming(null)}>Garder</Button>
              </span>
            ) : (
              <Button type="button" size="small" priority="tertiary" iconId="fr-icon-delete-line" onClick={() => setConfirming(r.id)}
                nativeButtonProps={{ 'aria-label': `Retirer la restitution « ${restitutionName(r)} »` }}>
                Retirer
              </Button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
