/**
 * A thématique section's own wording for some thématiques (seed 004 words « actions » four ways): one optional
 * field per thématique of the consultation, empty for the section's title. Saved with the section's other fields.
 */
import { Accordion } from '@codegouvfr/react-dsfr/Accordion';
import { Input } from '@codegouvfr/react-dsfr/Input';
import type { TrameSection } from '../../../src-main/contract/schemas/trame.ts';
import { useApp } from '../../app/AppContext.tsx';
import type { Problem } from './useTrameEditor.ts';

interface Props {
  section: TrameSection;
  problem?: Problem | undefined;
  onEdit: (patch: Partial<TrameSection>) => void;
  onBlur: () => void;
}

export function ThematiqueTitles({ section, problem, onEdit, onBlur }: Props) {
  const { campaign } = useApp();
  const thematiques = campaign?.thematiques ?? [];
  if (thematiques.length === 0) return null;
  const own = section.titleByThematique;
  const count = Object.keys(own).length;
  const edit = (number: number, value: string) => {
    // An empty field is no wording of its own: the key goes, the section's title prints.
    const { [String(number)]: _former, ...rest } = own;
    onEdit({ titleByThematique: value.trim() === '' ? rest : { ...rest, [String(number)]: value } });
  };
  return (
    <Accordion
      titleAs="h5"
      className="trm-titles fr-mb-2w"
      label={`Intitulé propre à une thématique${count > 0 ? ` (${count} renseigné${count > 1 ? 's' : ''})` : ''}`}
      defaultExpanded={problem !== undefined}
    >
      <p className="fr-text--sm fr-mb-2w">
        Vide : la thématique imprime le titre de la section. Les champs calculés ({'{{du_perimetre}}'}…) s’y écrivent aussi.
      </p>
      {problem && <p className="fr-error-text fr-mt-0 fr-mb-2w">{problem.message}</p>}
      {thematiques.map((t) => (
        <Input
          key={t.id}
          label={`Thématique ${t.number} : ${t.title}`}
          nativeInputProps={{
            value: own[String(t.number)] ?? '',
            placeholder: section.title,
            maxLength: 500,
            onChange: (e) => edit(t.number, e.target.value),
            onBlur,
          }}
        />
      ))}
    </Accordion>
  );
}
