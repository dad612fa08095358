import { Button } from '@codegouvfr/react-dsfr/Button';
import type { FrIconClassName } from '@codegouvfr/react-dsfr';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useState } from 'react';
import { browseAddon } from '../../components/BrowseButton.tsx';

/** The folder typed last, kept for the session under `storageKey`. */
export function useFolder(storageKey: string, fallback: string) {
  const [folder, setFolder] = useState(() => sessionStorage.getItem(storageKey) ?? fallback);
  const change = (value: string) => {
    setFolder(value);
    sessionStorage.setItem(storageKey, value);
  };
  return { folder, setFolder: change, missing: folder.trim() === '' };
}

/** A destination folder on this computer and the button that writes into it. */
export function FolderForm({ label, hint, folder, button, iconId, secondary, disabled, onSubmit }: {
  label: string;
  hint: string;
  folder: ReturnType<typeof useFolder>;
  button: string;
  iconId: FrIconClassName;
  secondary?: boolean;
  disabled: boolean;
  onSubmit: () => void;
}) {
  return (
    <form
      className="syn-generate"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <Input
        label={label}
        hintText={hint}
        state={folder.missing ? 'error' : 'default'}
        stateRelatedMessage="Indiquez un dossier."
        nativeInputProps={{
          value: folder.folder,
          onChange: (e) => folder.setFolder(e.target.value),
          autoComplete: 'off',
          spellCheck: false,
        }}
        addon={browseAddon({ kind: 'folder', what: 'le dossier', onChosen: folder.setFolder })}
      />
      <Button type="submit" priority={secondary ? 'secondary' : 'primary'} iconId={iconId} disabled={disabled || folder.missing}>
        {button}
      </Button>
    </form>
  );
}
