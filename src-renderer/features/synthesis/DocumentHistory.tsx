import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState } from 'react';
import type { GeneratedDocument } from '../../../src-main/contract/schemas/reports.ts';
import type { RegionAcademique } from '../../../src-main/contract/schemas/territory.ts';
import { frenchDateTime, frenchNumber } from '../../components/format.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { DownloadButton } from './DownloadButton.tsx';
import { useDownload } from './useDownload.ts';
import { scopeName } from './useRegion.ts';

const PAGE = 20;

/** Every document the app wrote for this consultation, newest first, each downloadable again. */
export function DocumentHistory({ documents, region }: { documents: GeneratedDocument[]; region: RegionAcademique | undefined }) {
  const [shown, setShown] = useState(PAGE);
  const { download, pending, error, clearError } = useDownload();
  if (documents.length === 0) return <p>Aucun document produit pour cette consultation.</p>;
  return (
    <>
      <ErrorNotice error={error} onClose={clearError} />
      <div className="fr-table app-table-wrap">
        <table>
          <caption>Documents produits ({frenchNumber(documents.length)}), du plus récent au plus ancien</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Fichier</th>
              <th scope="col">Périmètre</th>
              <th scope="col">Empreinte SHA-256</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {documents.slice(0, shown).map((d) => (
              <tr key={d.id}>
                <td>{frenchDateTime(d.generatedAt)}</td>
                <th scope="row" className="syn-history__file">{d.fileName}</th>
                <td>
                  {scopeName(d.scope, region)}
                  {d.thematiqueNumber !== null ? ` — thématique ${d.thematiqueNumber}` : ''}
                </td>
                <td>
                  <code title={d.sha256}>{d.sha256.slice(0, 12)}…</code>
                </td>
                <td>
                  <DownloadButton fileName={d.fileName} writtenAt={frenchDateTime(d.generatedAt)} busy={pending === d.id} onClick={() => void download(d.id)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {documents.length > shown && (
        <Button priority="secondary" size="small" onClick={() => setShown(shown + PAGE)}>
          Afficher {frenchNumber(Math.min(PAGE, documents.length - shown))} documents de plus
        </Button>
      )}
    </>
  );
}
