/** Deleting a contribution, with "Annuler" re-creating it (and re-attaching the propositions that answered a défi). */
import type { Contribution } from '../../../src-main/contract/schemas/content.ts';
import { PAGE_LIMIT_MAX } from '../../../src-main/contract/schemas/lists.ts';
import { call } from '../../api/client.ts';
import type { Notice } from '../../app/AppContext.tsx';
import { asCallError } from '../../components/useCall.ts';
import { signalChanged } from '../retex/changeSignal.ts';
import { excerpt } from './kinds.ts';

type Notify = (notice: Omit<Notice, 'id'>) => void;

/** The propositions of the thématique that answer défi `id` (read page by page: only when a défi is deleted). */
async function answersOf(defi: Contribution): Promise<number[]> {
  const found: number[] = [];
  for (let offset = 0; ; offset += PAGE_LIMIT_MAX) {
    const page = await call('contributions.list', {
      campaignId: defi.campaignId, thematiqueId: defi.thematiqueId, kind: 'proposition', offset, limit: PAGE_LIMIT_MAX,
    });
    found.push(...page.items.filter((c) => c.parentId === defi.id).map((c) => c.id));
    if (page.items.length === 0 || offset + page.items.length >= page.total) return found;
  }
}

/** Throws the service's error when refused. */
export async function deleteContributionWithUndo(c: Contribution, notify: Notify): Promise<void> {
  const answers = c.kind === 'defi' ? await answersOf(c) : [];
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
