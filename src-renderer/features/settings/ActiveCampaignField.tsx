import { Select } from '@codegouvfr/react-dsfr/Select';
import type { Campaign } from '../../../src-main/contract/schemas/campaign.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { SavedStatus } from './SavedStatus.tsx';
import { useSaveSetting } from './useSaveSetting.ts';
import { useShownValue } from './useShownValue.ts';

/** The consultation every screen works on; saved as soon as it is chosen. */
export function ActiveCampaignField({ campaigns, activeId }: { campaigns: Campaign[]; activeId: number | null }) {
  const { save, error, busy, saved, clearError } = useSaveSetting();
  const { shown, track } = useShownValue(activeId === null ? '' : String(activeId));
  if (campaigns.length === 0) return <p>Le catalogue ne contient encore aucune consultation : installez-en une ci-dessous.</p>;
  return (
    <div className="set-field">
      <Select
        label="Consultation active"
        hint="Celle dont les rencontres, contributions et synthèses s’affichent dans tous les écrans."
        nativeSelectProps={{
          value: shown,
          disabled: busy,
          onChange: (e) => void track(e.target.value, () => save({ activeCampaignId: Number(e.target.value) })),
        }}
      >
        {shown === '' && <option value="" disabled>Choisir une consultation</option>}
        {campaigns.map((c) => (
          <option key={c.id} value={c.id}>{c.title} ({c.shortTitle})</option>
        ))}
      </Select>
      <SavedStatus busy={busy} saved={saved} />
      <ErrorNotice error={error} onClose={clearError} />
    </div>
  );
}
