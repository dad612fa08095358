/** Deleting a contribution, with "Annuler" re-creating it (and re-attaching the propositions that answered a défi). */
import type { Contribution } from '../../../src-main/contract/schemas/content.ts';
import { call } from '../../api/client.ts';
import type { Notice } from '../../app/AppContext.tsx';
import { asCallError } from '../../components/useCall.ts';
import { signalChanged } from '../retex/changeSignal.ts';
import { excerpt } from './kinds.ts';

type Notify = (notice: Omit<Notice, 'id'>) => void;

/** Throws the service's error when refused. `answers`: the propositions answering this défi (loaded with the list). */
export async function deleteContributionWithUndo(c: Contribution, answers: number[], notify: Notify): Promise<void> {
  await call('contributions.delete', { id: c.id });
  const { id: _id, ...copy } = c;
  const name = excerpt(c.text, 60);
  notify({
    message: `Contribution « ${name} » supprimée.`,
    severity: 'success',
    action: {
      label: 'Annuler',
      run: async () => {
        try {
          const restored = await call('contributions.create', copy);
          for (const id of answers) await call('contributions.update', { id, parentId: restored.id });
          signalChanged('contributions');
          notify({ message: `Contribution « ${name} » rétablie.`, severity: 'success' });
        } catch (error) {
          notify({ message: `La contribution n’a pas pu être rétablie : ${asCallError(error).message}`, severity: 'error' });
        }
      },
    },
  });
}
