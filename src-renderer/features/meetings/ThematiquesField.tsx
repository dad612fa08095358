/** The thématiques the meeting covered: each box saved as it is ticked. */
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import type { Campaign } from '../../../src-main/contract/schemas/campaign.ts';
import type { FormApi } from './useMeetingDraft.ts';

export function ThematiquesField({ api, campaign }: { api: FormApi; campaign: Campaign }) {
  const { draft, change } = api;
  return (
    <Checkbox
      legend="Thématiques abordées"
      hintText={`Les ${campaign.thematiques.length} thématiques de la consultation « ${campaign.shortTitle} »`}
      options={campaign.thematiques.map((t) => ({
        label: `${t.number}. ${t.title}`,
        nativeInputProps: {
          checked: draft.thematiqueIds.includes(t.id),
          onChange: (e) =>
            change(
              (d) => ({
                thematiqueIds: e.target.checked ? [...d.thematiqueIds, t.id] : d.thematiqueIds.filter((id) => id !== t.id),
              }),
              ['thematiqueIds'],
            ),
        },
      }))}
    />
  );
}
