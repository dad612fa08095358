/** IPC channel names, shared by the main process and the preload (which must not load the dispatcher). */
export const CALL_CHANNEL = 'synthese:call';
/** Main → page: progress of a long call (import, generation). */
export const PROGRESS_CHANNEL = 'synthese:progress';
/** Page → main: « Annuler » a long call, by the id the page gave it. */
export const CANCEL_CHANNEL = 'synthese:cancel';
/** The id a page gives a call it may cancel (a UUID). */
export const CALL_ID = /^[0-9a-f-]{8,64}$/;
