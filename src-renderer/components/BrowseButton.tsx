/**
 * « Parcourir… » beside a path field, in the desktop app only: the shell's native dialog (French title
 * and filters) fills the field, which stays editable. In a browser there is none, and the field is as
 * it always was: use `browseAddon` as the field's `addon`, so nothing is added there.
 */
import { Button } from '@codegouvfr/react-dsfr/Button';
import { type ReactNode, useState } from 'react';
import { nativePicker, type PickKind } from '../api/desktop.ts';

interface BrowseProps {
  kind: PickKind;
  /** What is chosen, for screen readers: « le paquet reçu ». */
  what: string;
  onChosen: (path: string) => void;
  disabled?: boolean;
  className?: string;
}

export function BrowseButton({ kind, what, onChosen, disabled, className }: BrowseProps) {
  const [open, setOpen] = useState(false);
  const pick = nativePicker();
  if (!pick) return null;
  const browse = async () => {
    setOpen(true);
    try {
      const path = await pick(kind);
      if (path) onChosen(path);
    } catch {
      // Refused by the shell (it says why in its own log): the field keeps what was typed.
    } finally {
      setOpen(false);
    }
  };
  return (
    <Button
      type="button"
      priority="secondary"
      className={className}
      iconId="fr-icon-folder-2-line"
      disabled={disabled || open}
      nativeButtonProps={{ 'aria-label': `Parcourir… : choisir ${what}` }}
      onClick={() => void browse()}
    >
      Parcourir…
    </Button>
  );
}

/** The button as a DSFR Input's `addon`, or undefined (no addon at all) outside the desktop app. */
export function browseAddon(props: BrowseProps): ReactNode | undefined {
  return nativePicker() ? <BrowseButton {...props} /> : undefined;
}
