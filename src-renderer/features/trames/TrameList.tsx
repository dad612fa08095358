import { Badge } from '@codegouvfr/react-dsfr/Badge';
import type { Trame } from '../../../src-main/contract/schemas/trame.ts';
import { href } from '../../app/routes.ts';

/** The consultation's trames; the open one is marked. */
export function TrameList({ trames, selectedId }: { trames: Trame[]; selectedId: number | undefined }) {
  return (
    <nav aria-labelledby="trm-list-title" className="trm-list">
      <h2 id="trm-list-title" className="fr-h6 fr-mb-1w">Trames de la consultation</h2>
      <ul className="trm-list__items">
        {trames.map((t) => {
          const current = t.id === selectedId;
          return (
            <li key={t.id} className={current ? 'trm-list__item trm-list__item--current' : 'trm-list__item'}>
              <a className="fr-link" href={href(`/trames/${t.id}`)} aria-current={current ? 'page' : undefined}>
                {t.name}
              </a>
              <span className="trm-list__meta">
                <Badge as="span" small noIcon severity={t.presetSlug ? 'info' : 'success'}>
                  {t.presetSlug ? 'Prête à l’emploi' : 'Modifiable'}
                </Badge>
                <span className="fr-text--xs fr-mb-0">{t.sections.length} section{t.sections.length > 1 ? 's' : ''}</span>
              </span>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
