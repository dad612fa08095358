import { Button } from '@codegouvfr/react-dsfr/Button';
import { Notice } from '@codegouvfr/react-dsfr/Notice';
import { useApp } from '../../app/AppContext.tsx';
import { href } from '../../app/routes.ts';
import './identity.css';

/** On every screen while the demo is open: what it is, and the way out to one's own catalogue. */
export function DemoBanner({ onLeaveScreen }: { onLeaveScreen: boolean }) {
  const { identity } = useApp();
  if (!identity?.isDemo) return null;
  return (
    <div role="region" aria-label="Catalogue de démonstration">
      <Notice
        className="idt-banner"
        title="Vous êtes dans le catalogue de démonstration (Nouvelle-Aquitaine 2020)."
        description={
          <>
            {' '}Ce que vous y saisissez sert à essayer l’application. Pour vos propres rencontres, créez votre catalogue : la
            démonstration est remplacée par un catalogue vide, et une copie en est gardée avec les sauvegardes du catalogue.
            {!onLeaveScreen && (
              <Button size="small" priority="secondary" className="idt-banner__action" linkProps={{ href: href('/mon-catalogue') }}>
                Créer mon catalogue
              </Button>
            )}
          </>
        }
      />
    </div>
  );
}
