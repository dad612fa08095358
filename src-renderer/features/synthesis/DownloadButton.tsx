import { Button } from '@codegouvfr/react-dsfr/Button';

/** "Télécharger", named after its file for screen readers (several sit in one list). */
export function DownloadButton({ fileName, busy, onClick }: { fileName: string; busy: boolean; onClick: () => void }) {
  return (
    <Button
      type="button"
      size="small"
      priority="secondary"
      iconId="fr-icon-download-line"
      disabled={busy}
      onClick={onClick}
      nativeButtonProps={{ 'aria-label': `Télécharger ${fileName}` }}
    >
      {busy ? 'Préparation…' : 'Télécharger'}
    </Button>
  );
}
