import { Button } from '@codegouvfr/react-dsfr/Button';

/**
 * "Télécharger", named after its file for screen readers (several sit in one list); the history names
 * the time too, since one file name comes back at each generation.
 */
export function DownloadButton({ fileName, writtenAt, busy, onClick }: { fileName: string; writtenAt?: string; busy: boolean; onClick: () => void }) {
  return (
    <Button
      type="button"
      size="small"
      priority="secondary"
      iconId="fr-icon-download-line"
      disabled={busy}
      onClick={onClick}
      nativeButtonProps={{ 'aria-label': `Télécharger ${fileName}${writtenAt ? `, écrit le ${writtenAt}` : ''}` }}
    >
      {busy ? 'Préparation…' : 'Télécharger'}
    </Button>
  );
}
