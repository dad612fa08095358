/** The search field of a list: typed text, sent to the server once typing pauses (see usePagedList). */
import { Input } from '@codegouvfr/react-dsfr/Input';

export function SearchField({ id, label = 'Rechercher', hint, value, onChange, className }: {
  id: string;
  label?: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  className?: string;
}) {
  return (
    <Input
      className={className}
      label={label}
      hintText={hint}
      iconId="fr-icon-search-line"
      nativeInputProps={{ id, type: 'search', value, autoComplete: 'off', maxLength: 200, onChange: (e) => onChange(e.target.value) }}
    />
  );
}
