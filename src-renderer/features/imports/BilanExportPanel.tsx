import { Button } from '@codegouvfr/react-dsfr/Button';
import { useMemo, useState } from 'react';
import type { OperationOutput } from '../../../src-main/contract/operations.ts';
import { useApp } from '../../app/AppContext.tsx';
import { BusyStatus } from '../../components/BusyStatus.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useMutation } from '../../components/useCall.ts';
import { DocumentFiles } from '../synthesis/DocumentFiles.tsx';
import { ScopeSelect } from '../synthesis/ScopeSelect.tsx';
import { scopeCode, scopeGroups, useRegion } from '../synthesis/useRegion.ts';
import { OutputPathInput } from './OutputPathInput.tsx';
import { usePathFor } from './usePathFor.ts';

/** (c) The Bilan as an Excel workbook: per académie, département, level and category. */
export function BilanExportPanel({ campaignId }: { campaignId: number }) {
  const { notify } = useApp();
  const { region, national } = useRegion();
  const groups = useMemo(() => scopeGroups(region, true, national), [region, national]);
  const { scope, setScope, path, setPath } = usePathFor(
    (s) => `bilan-${s === 'region' ? (region?.code ?? 'region') : scopeCode(s, region)}.xlsx`,
    'region',
  );
  const { run, busy, error, clearError, progress, cancel, cancelling, cancelled } = useMutation();
  const [result, setResult] = useState<OperationOutput<'spreadsheets.exportBilan'> | null>(null);

  const write = async () => {
    setResult(null);
    const written = await run('spreadsheets.exportBilan', { campaignId, scope, outputPath: path.trim() });
    if (!written) return;
    setResult(written);
    notify({ severity: 'success', message: `Classeur du bilan écrit : ${written.path}.` });
  };

  return (
    <>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void write();
        }}
      >
        <div className="app-grid-2">
          <ScopeSelect value={scope} groups={groups} onChange={setScope} hint="La région académique, une académie ou un département." />
          <OutputPathInput value={path} onChange={setPath} browse="sheet-save" />
        </div>
        <Button type="submit" iconId="fr-icon-table-line" disabled={busy || path.trim() === ''}>
          {busy ? 'Écriture…' : 'Écrire le classeur du bilan'}
        </Button>
      </form>
      <BusyStatus busy={busy} progress={progress} message="Écriture du classeur du bilan…" onCancel={cancel} cancelling={cancelling} cancelled={cancelled} />
      <div role="status" aria-live="polite">
        {result && (
          <p className="fr-mt-2w fr-mb-0">
            Classeur écrit : {result.path}. Feuilles : {result.sheets.join(', ')}.
          </p>
        )}
      </div>
      <ErrorNotice error={error} onClose={clearError} />
      {result && <DocumentFiles title="Fichier écrit" documents={[result.document]} />}
    </>
  );
}
