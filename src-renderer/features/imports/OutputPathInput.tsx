import { Input } from '@codegouvfr/react-dsfr/Input';
import type { PickKind } from '../../api/desktop.ts';
import { browseAddon } from '../../components/BrowseButton.tsx';

/** Where a file is written on this computer; in the desktop app, « Parcourir… » (`browse`: the save dialog's kind) fills it too. */
export function OutputPathInput({ label = 'Fichier à écrire', value, onChange, browse }: {
  label?: string;
  value: string;
  onChange: (value: string) => void;
  browse: PickKind;
}) {
  const missing = value.trim() === '';
  return (
    <Input
      label={label}
      hintText="Chemin sur cet ordinateur : un nom seul désigne un fichier de « Documents/Synthèse régionale ». Un fichier du même nom est remplacé."
      state={missing ? 'error' : 'default'}
      stateRelatedMessage="Indiquez le chemin du fichier."
      nativeInputProps={{ value, onChange: (e) => onChange(e.target.value), autoComplete: 'off', spellCheck: false }}
      addon={browseAddon({ kind: browse, what: 'le fichier à écrire', onChosen: onChange })}
    />
  );
}
