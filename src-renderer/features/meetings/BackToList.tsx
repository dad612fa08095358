/** The way back to the meetings' list. */
import { Button } from '@codegouvfr/react-dsfr/Button';
import { href } from '../../app/routes.ts';

export function BackToList() {
  return (
    <Button priority="secondary" iconId="fr-icon-arrow-left-line" linkProps={{ href: href('/rencontres') }}>
      Retour à la liste
    </Button>
  );
}
