import { Button } from '@codegouvfr/react-dsfr/Button';
import { useMemo, useState } from 'react';
import type { OperationOutput } from '../../../src-main/contract/operations.ts';
import { useApp } from '../../app/AppContext.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { frenchNumber } from '../../components/format.ts';
import { useMutation } from '../../components/useCall.ts';
import { DocumentFiles } from '../synthesis/DocumentFiles.tsx';
import { ScopeSelect } from '../synthesis/ScopeSelect.tsx';
import { scopeCode, scopeGroups, useRegion } from '../synthesis/useRegion.ts';
import { OutputPathInput } from './OutputPathInput.tsx';
import { usePathFor } from './usePathFor.ts';

/** (a) The fill-in sheet of an académie or a département, with its known meetings already listed. */
export function TemplatePanel({ campaignId }: { campaignId: number }) {
  const { notify } = useApp();
  const { region } = useRegion();
  const groups = useMemo(() => scopeGroups(region, false), [region]);
  const first = groups[0]?.options[0]?.value ?? '';
  // Until the user picks one, the région's first académie (known once the territory has loaded).
  const picked = usePathFor((s) => `releve-${scopeCode(s || first, region)}.xlsx`, '');
  const scope = picked.scope || first;
  const { setScope, path, setPath } = picked;
  const { run, busy, error, clearError } = useMutation();
  const [result, setResult] = useState<OperationOutput<'spreadsheets.attendanceTemplate'> | null>(null);

  const [kind, code] = scope.split(':');
  const write = async () => {
    setResult(null);
    const written = await run('spreadsheets.attendanceTemplate', {
      campaignId,
      outputPath: path.trim(),
      ...(kind === 'academie' ? { academieCode: code } : { departementCode: code }),
    });
    if (!written) return;
    setResult(written);
    notify({ severity: 'success', message: `Tableau à remplir écrit : ${written.path}.` });
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
          <ScopeSelect
            label="Académie ou département"
            hint="Ses listes déroulantes ne proposent que ses départements et ses bassins."
            value={scope}
            groups={groups}
            onChange={setScope}
          />
          <OutputPathInput value={path} onChange={setPath} browse="sheet-save" />
        </div>
        <Button type="submit" iconId="fr-icon-table-line" disabled={busy || scope === '' || path.trim() === ''}>
          {busy ? 'Écriture…' : 'Écrire le tableau à remplir'}
        </Button>
      </form>
      <div role="status" aria-live="polite">
        {result && (
          <p className="fr-mt-2w fr-mb-0">
            Tableau écrit : {result.path}.{' '}
            {result.prefilledRows > 0
              ? `${frenchNumber(result.prefilledRows)} rencontre${result.prefilledRows > 1 ? 's' : ''} déjà connue${result.prefilledRows > 1 ? 's' : ''} y ${result.prefilledRows > 1 ? 'sont' : 'est'} préremplie${result.prefilledRows > 1 ? 's' : ''}.`
              : 'Aucune rencontre connue : il est vide.'}
          </p>
        )}
      </div>
      <ErrorNotice error={error} onClose={clearError} />
      {result && <DocumentFiles title="Fichier écrit" documents={[result.document]} />}
    </>
  );
}
