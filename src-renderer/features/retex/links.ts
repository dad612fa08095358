/** Checks a web address as it is typed: only http(s) pages, with a French reason otherwise. */
import type { LinkKind } from '../../../src-main/contract/domain.ts';

export const LINK_KIND_LABELS: Record<LinkKind, string> = {
  video: 'Vidéo',
  fiche: 'Fiche',
  article: 'Article',
  autre: 'Autre',
};

export interface AddressCheck {
  ok: boolean;
  /** Why it is refused, or a piece of advice when it is accepted ("préférez https://"). */
  message: string | null;
}

export function checkWebAddress(raw: string): AddressCheck {
  const value = raw.trim();
  if (value === '') return { ok: false, message: 'Indiquez l’adresse de la ressource, par exemple https://www.reseau-canope.fr/…' };
  if (value.length > 2_000) return { ok: false, message: 'Adresse trop longue (2 000 caractères au plus).' };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
  if (scheme && scheme !== 'http' && scheme !== 'https') {
    return { ok: false, message: `Adresse refusée : « ${scheme}: » n’est pas une adresse web. Seules les adresses commençant par https:// ou http:// sont acceptées.` };
  }
  if (!scheme) {
    return { ok: false, message: 'Adresse incomplète : ajoutez https:// au début (par exemple https://' + value.replace(/^\/+/, '') + ').' };
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, message: 'Adresse web invalide : vérifiez qu’elle ne contient ni espace ni caractère interdit.' };
  }
  if (!url.hostname) return { ok: false, message: 'Adresse incomplète : le nom du site manque après https://.' };
  if (url.username || url.password) return { ok: false, message: 'Adresse refusée : elle contient un identifiant ou un mot de passe.' };
  if (url.protocol === 'http:') return { ok: true, message: 'Adresse acceptée ; préférez https:// si le site le permet.' };
  return { ok: true, message: null };
}
