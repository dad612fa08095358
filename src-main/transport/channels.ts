/** IPC channel names, shared by the main process and the preload (which must not load the dispatcher). */
export const CALL_CHANNEL = 'synthese:call';
/** Main → page: progress of a long call (import, generation). */
export const PROGRESS_CHANNEL = 'synthese:progress';
