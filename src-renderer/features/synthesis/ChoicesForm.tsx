import { Select } from '@codegouvfr/react-dsfr/Select';
import type { Campaign } from '../../../src-main/contract/schemas/campaign.ts';
import type { StyleTemplateInfo } from '../../../src-main/contract/schemas/style.ts';
import type { Trame } from '../../../src-main/contract/schemas/trame.ts';
import { ScopeSelect } from './ScopeSelect.tsx';
import type { ScopeGroup } from './useRegion.ts';
import type { SynthesisChoices } from './useSynthesisChoices.ts';

interface Props {
  campaign: Campaign;
  trames: Trame[];
  styles: StyleTemplateInfo[];
  groups: ScopeGroup[];
  choices: SynthesisChoices;
  onChange: (patch: Partial<SynthesisChoices>) => void;
}

/** Trame, scope, thématique and style: every change refreshes the checks and the preview. */
export function ChoicesForm({ campaign, trames, styles, groups, choices, onChange }: Props) {
  return (
    <div className="syn-choices">
      <Select
        label="Trame"
        hint="Le plan que suit la synthèse."
        nativeSelectProps={{ value: choices.trameId ?? '', onChange: (e) => onChange({ trameId: Number(e.target.value) }) }}
      >
        {trames.map((t) => (
          <option key={t.id} value={t.id}>{t.name}{t.presetSlug ? ' (prête à l’emploi)' : ''}</option>
        ))}
      </Select>
      <ScopeSelect
        hint="La région académique, une académie ou un département."
        value={choices.scope}
        groups={groups}
        onChange={(scope) => onChange({ scope })}
      />
      <Select
        label="Thématique"
        hint="Le document entier, ou une seule thématique."
        nativeSelectProps={{
          value: choices.thematique ?? '',
          onChange: (e) => onChange({ thematique: e.target.value === '' ? null : Number(e.target.value) }),
        }}
      >
        <option value="">Toutes (document entier)</option>
        {campaign.thematiques.map((t) => (
          <option key={t.id} value={t.number}>Thématique {t.number} : {t.title}</option>
        ))}
      </Select>
      <Select
        label="Modèle de styles Word"
        hint="Importé dans les Paramètres ; sans modèle, les styles de l’application."
        nativeSelectProps={{
          value: choices.styleTemplateId ?? '',
          onChange: (e) => onChange({ styleTemplateId: e.target.value === '' ? null : Number(e.target.value) }),
        }}
      >
        <option value="">Aucun (styles de l’application)</option>
        {styles.map((s) => (
          <option key={s.id} value={s.id}>{s.name}</option>
        ))}
      </Select>
    </div>
  );
}
