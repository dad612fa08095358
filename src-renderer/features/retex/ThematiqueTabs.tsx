import { Tabs } from '@codegouvfr/react-dsfr/Tabs';
import type { ReactNode } from 'react';
import type { Campaign } from '../../../src-main/contract/schemas/campaign.ts';
import { sortedThematiques } from './useThematiqueChoice.ts';

/** One tab per thématique of the consultation; only the chosen one's content is loaded. */
export function ThematiqueTabs({ campaign, selectedId, onChange, label, children }: {
  campaign: Campaign;
  selectedId: number;
  onChange: (id: number) => void;
  label: string;
  children: ReactNode;
}) {
  const tabs = sortedThematiques(campaign).map((t) => ({ tabId: String(t.id), label: `${t.number}. ${t.title}` }));
  return (
    <Tabs className="thematique-tabs" label={label} tabs={tabs} selectedTabId={String(selectedId)} onTabChange={(id: string) => onChange(Number(id))}>
      {children}
    </Tabs>
  );
}
