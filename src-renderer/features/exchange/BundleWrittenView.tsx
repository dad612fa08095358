import type { OperationOutput } from '../../../src-main/contract/operations.ts';
import { describeCounts, fileSize } from './bundleWords.ts';

export type BundleWritten = OperationOutput<'exchange.export'>;

/** A bundle just written: where, how big, what it carries; announced politely as it appears. */
export function BundleWrittenView({ written, what = 'Paquet écrit' }: { written: BundleWritten | null; what?: string }) {
  return (
    <div role="status" aria-live="polite" className="xch-written">
      {written && (
        <>
          <p className="fr-mb-1w">
            {what} : <span className="xch-path">{written.path}</span> ({fileSize(written.bytes)}).
          </p>
          <p className="fr-text--sm fr-mb-1w">Contenu : {describeCounts(written.counts)}.</p>
          <p className="fr-text--xs fr-mb-0 xch-muted">
            Empreinte SHA-256 : <code title={written.sha256}>{written.sha256.slice(0, 16)}…</code>
          </p>
        </>
      )}
    </div>
  );
}
