import { Button } from '@codegouvfr/react-dsfr/Button';
import { frenchNumber } from '../../components/format.ts';
import { MeetingCombobox } from '../../components/MeetingCombobox.tsx';
import { useMeetingLabels } from '../../components/useMeetingLabels.ts';

/** The meetings a contribution came from: those chosen, each removable, and a combobox that adds one. */
export function MeetingMultiSelect({ idPrefix, legend, campaignId, value, onChange }: {
  idPrefix: string;
  legend: string;
  campaignId: number;
  value: number[];
  onChange: (ids: number[]) => void;
}) {
  const label = useMeetingLabels(value);
  return (
    <fieldset className="fr-fieldset meeting-multi" aria-describedby={`${idPrefix}-count`}>
      <legend className="fr-fieldset__legend fr-text--regular">{legend}</legend>
      <div className="fr-fieldset__element">
        <p id={`${idPrefix}-count`} className="fr-text--sm fr-mb-1w" role="status">
          {value.length === 0 ? 'Aucune rencontre choisie.' : `${frenchNumber(value.length)} rencontre${value.length > 1 ? 's' : ''} choisie${value.length > 1 ? 's' : ''}.`}
        </p>
        {value.length > 0 && (
          <ul className="app-chosen" aria-label={`${legend} : rencontres choisies`}>
            {value.map((id) => (
              <li key={id}>
                <span>{label(id)}</span>
                <Button
                  type="button"
                  size="small"
                  priority="tertiary"
                  iconId="fr-icon-close-line"
                  nativeButtonProps={{ 'aria-label': `Retirer ${label(id)}` }}
                  onClick={() => {
                    onChange(value.filter((v) => v !== id));
                    document.getElementById(`${idPrefix}-add`)?.focus();
                  }}
                >
                  Retirer
                </Button>
              </li>
            ))}
          </ul>
        )}
        <MeetingCombobox
          id={`${idPrefix}-add`}
          campaignId={campaignId}
          label="Ajouter une rencontre"
          hint="Tapez une partie de l’intitulé, du lieu ou la date, puis choisissez (flèches et Entrée)"
          value={null}
          exclude={value}
          onChange={(id) => id !== null && !value.includes(id) && onChange([...value, id])}
        />
      </div>
    </fieldset>
  );
}
