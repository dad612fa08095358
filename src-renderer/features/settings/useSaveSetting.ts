/** Saving one setting as soon as it changes, with a discreet "Enregistré" and the French error if refused. */
import { useCallback, useState } from 'react';
import type { OperationInput } from '../../../src-main/contract/operations.ts';
import { useApp } from '../../app/AppContext.tsx';
import { useMutation } from '../../components/useCall.ts';

export function useSaveSetting() {
  const { reload } = useApp();
  const { run, error, busy, clearError } = useMutation();
  const [saved, setSaved] = useState(false);
  const save = useCallback(
    async (patch: OperationInput<'settings.update'>) => {
      setSaved(false);
      const value = await run('settings.update', patch);
      if (value) {
        setSaved(true);
        reload();
      }
      return value;
    },
    [run, reload],
  );
  return { save, error, busy, saved, clearError };
}
