/** Hash routes ("#/rencontres/12"): the app is one page, served from app:// or the local bridge. */
import { useEffect, useState } from 'react';

export interface Screen {
  path: string;
  label: string;
  /** Reached by a link of the page, not listed in the main navigation. */
  hidden?: boolean;
}

/** The screens, in the order of the main navigation. */
export const SCREENS: Screen[] = [
  { path: '/', label: 'Tableau de bord' },
  { path: '/rencontres', label: 'Rencontres' },
  { path: '/retex', label: 'Retex' },
  { path: '/contributions', label: 'Contributions' },
  { path: '/regroupements', label: 'Regroupements' },
  { path: '/trames', label: 'Trames' },
  { path: '/synthese', label: 'Synthèse' },
  { path: '/comparaison', label: 'Comparaison' },
  { path: '/imports', label: 'Imports et exports' },
  { path: '/echanges', label: 'Échanges' },
  { path: '/parametres', label: 'Paramètres' },
  { path: '/mon-catalogue', label: 'Créer mon catalogue', hidden: true },
  { path: '/recherche', label: 'Rechercher', hidden: true },
  { path: '/restitutions', label: 'Restitutions', hidden: true },
];

export interface Route {
  /** "/rencontres" */
  screen: string;
  /** What follows: ["12"] for "#/rencontres/12". */
  params: string[];
}

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { screen: `/${parts[0] ?? ''}`, params: parts.slice(1) };
}

export function href(path: string): string {
  return `#${path}`;
}

export function navigate(path: string): void {
  window.location.hash = path;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
