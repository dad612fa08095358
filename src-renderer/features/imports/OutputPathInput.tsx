import { Input } from '@codegouvfr/react-dsfr/Input';

/** Where a file is written on this computer. */
export function OutputPathInput({ label = 'Fichier à écrire', value, onChange }: { label?: string; value: string; onChange: (value: string) => void }) {
  const missing = value.trim() === '';
  return (
    <Input
      label={label}
      hintText="Chemin sur cet ordinateur : un nom seul désigne un fichier de « Documents/Synthèse régionale ». Un fichier du même nom est remplacé."
      state={missing ? 'error' : 'default'}
      stateRelatedMessage="Indiquez le chemin du fichier."
      nativeInputProps={{ value, onChange: (e) => onChange(e.target.value), autoComplete: 'off', spellCheck: false }}
    />
  );
}
