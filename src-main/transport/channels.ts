/** IPC channel names, shared by the main process and the preload (which must not load the dispatcher). */
export const CALL_CHANNEL = 'synthese:call';
/** Main → page: progress of a long call (import, generation). */
export const PROGRESS_CHANNEL = 'synthese:progress';
/** Page → main: « Annuler » a long call, by the id the page gave it. */
export const CANCEL_CHANNEL = 'synthese:cancel';
/** The id a page gives a call it may cancel (a UUID). */
export const CALL_ID = /^[0-9a-f-]{8,64}$/;
/** Page → main (invoke): a native open/save dialog, by a kind of desktop/pick-kinds.ts; answers a path or null. */
export const PICK_CHANNEL = 'desktop:pick';
/** Page → main: the page listens for bundles opened from the file manager (those waiting come now). */
export const OPEN_BUNDLE_READY_CHANNEL = 'desktop:open-bundle-ready';
/** Main → page: a bundle opened from the file manager (its absolute path), to preview in « Échanges ». */
export const OPEN_BUNDLE_CHANNEL = 'desktop:open-bundle';
