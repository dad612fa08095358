/** Deleting a retex, with "Annuler" re-creating it from the copy kept here. */
import type { Retex } from '../../../src-main/contract/schemas/content.ts';
import { call } from '../../api/client.ts';
import type { Notice } from '../../app/AppContext.tsx';
import { asCallError } from '../../components/useCall.ts';
import { signalChanged } from './changeSignal.ts';

type Notify = (notice: Omit<Notice, 'id'>) => void;

/** Throws the service's error when the deletion is refused; `onRestored` gets the re-created record. */
export async function deleteRetexWithUndo(retex: Retex, notify: Notify, onRestored?: (restored: Retex) => void): Promise<void> {
  await call('retex.delete', { id: retex.id });
  const { id: _id, ...copy } = retex;
  notify({
    message: `Retex « ${retex.title} » supprimé.`,
    severity: 'success',
    action: {
      label: 'Annuler',
      run: async () => {
        try {
          const restored = await call('retex.create', copy);
          signalChanged('retex');
          notify({ message: `Retex « ${retex.title} » rétabli.`, severity: 'success' });
          onRestored?.(restored);
        } catch (error) {
          notify({ message: `Le retex n’a pas pu être rétabli : ${asCallError(error).message}`, severity: 'error' });
        }
      },
    },
  });
}
