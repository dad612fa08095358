import { Select } from '@codegouvfr/react-dsfr/Select';
import { useMemo, useState } from 'react';
import type { Campaign } from '../../../src-main/contract/schemas/campaign.ts';
import type { TrameSection } from '../../../src-main/contract/schemas/trame.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useQuery } from '../../components/useCall.ts';
import { ScopeSelect } from '../synthesis/ScopeSelect.tsx';
import { scopeGroups, useRegion } from '../synthesis/useRegion.ts';
import { SOURCE_LABELS } from './labels.ts';
import { type InsertTarget, Placeholders } from './Placeholders.tsx';
import { SectionTextField } from './SectionTextField.tsx';

const textKey = (scope: string, sectionKey: string, thematiqueId: number | null) => `${scope}|${sectionKey}|${thematiqueId ?? 0}`;

/**
 * The texts written in the app for the sections of this trame: the whole text of a "Texte rédigé"
 * section, an optional introduction for the others; once for the document or per thématique.
 */
export function SectionTexts({ campaign, sections }: { campaign: Campaign; sections: TrameSection[] }) {
  const { region, national } = useRegion();
  const groups = useMemo(() => scopeGroups(region, true, national), [region, national]);
  const [scope, setScope] = useState('region');
  const [part, setPart] = useState<string>('document');
  const texts = useQuery('sectionTexts.list', { campaignId: campaign.id });
  const [written, setWritten] = useState<Record<string, string>>({});
  const [target, setTarget] = useState<InsertTarget | null>(null);
  const stored = useMemo(() => {
    const map: Record<string, string> = {};
    for (const t of texts.data ?? []) map[textKey(t.scope, t.sectionKey, t.thematiqueId)] = t.text;
    return { ...map, ...written };
  }, [texts.data, written]);

  const thematique = part === 'document' ? null : campaign.thematiques.find((t) => String(t.id) === part) ?? null;
  const shown = sections.filter((s) => s.scope === (thematique ? 'thematique' : 'document'));

  return (
    <section aria-labelledby="trm-texts-title" className="fr-mt-6w">
      <h2 id="trm-texts-title" className="fr-h4">Textes rédigés</h2>
      <p>
        Le texte des sections « Texte rédigé », et une introduction facultative pour les autres, imprimée avant leur contenu.
        Chaque texte est enregistré quand vous quittez le champ.
      </p>
      <div className="fr-callout fr-mb-3w trm-markup">
        <p className="fr-callout__text fr-text--sm">
          Mise en forme légère : une ligne qui commence par <kbd>-</kbd> suivi d’une espace devient une puce ;{' '}
          <kbd>**mots**</kbd> s’imprime en <strong>gras</strong> ; les adresses web (https://…) deviennent des liens.
        </p>
      </div>
      <div className="app-grid-2">
        <ScopeSelect
          label="Périmètre des textes"
          hint="La région, une académie et un département ont chacun leurs textes."
          value={scope}
          groups={groups}
          onChange={(value) => {
            setScope(value);
            setTarget(null); // its fields are replaced by the other scope's
          }}
        />
        <Select label="Partie du document" nativeSelectProps={{ value: part, onChange: (e) => { setPart(e.target.value); setTarget(null); } }}>
          <option value="document">Sections du document</option>
          {campaign.thematiques.map((t) => (
            <option key={t.id} value={t.id}>Thématique {t.number} : {t.title}</option>
          ))}
        </Select>
      </div>
      <Placeholders campaignId={campaign.id} scope={scope} target={target} />
      <ErrorNotice error={texts.error} />
      {texts.loading && !texts.data ? (
        <Loading what="Chargement des textes" />
      ) : shown.length === 0 ? (
        <p>Cette trame n’a aucune section {thematique ? 'par thématique' : 'de document'}.</p>
      ) : (
        <>
          <h3 className="fr-h6">{thematique ? `Thématique ${thematique.number} : ${thematique.title}` : 'Sections du document'}</h3>
          {shown.map((s) => {
            const key = textKey(scope, s.key, thematique?.id ?? null);
            const isText = s.source === 'text';
            return (
              <SectionTextField
                key={key}
                campaignId={campaign.id}
                scope={scope}
                sectionKey={s.key}
                thematiqueId={thematique?.id ?? null}
                label={isText ? s.title : `Introduction de « ${s.title} » (facultative)`}
                hint={isText ? (s.guidance || 'Le texte de la section.') : `Imprimée avant le contenu (${SOURCE_LABELS[s.source].toLowerCase()}).`}
                initial={stored[key] ?? ''}
                onSaved={(text) => setWritten((w) => ({ ...w, [key]: text }))}
                onFocusField={setTarget}
              />
            );
          })}
        </>
      )}
    </section>
  );
}
