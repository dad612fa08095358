/** Told to the list when a meeting comes back after "Annuler" (the notice lives outside the screen). */
export const MEETINGS_CHANGED = 'synthese:meetings-changed';

export function announceMeetingsChanged(): void {
  window.dispatchEvent(new Event(MEETINGS_CHANGED));
}
