/**
 * The renderer's only way to the catalogue: `call(name, input)`, typed by the service contract.
 * In Electron it goes through the preload's bridge (IPC); in a browser, through the local HTTP
 * bridge with the launch token. Same dispatcher behind both.
 */
import type { AppErrorPayload, Envelope } from '../../src-main/contract/errors.ts';
import type { OperationInput, OperationName, OperationOutput } from '../../src-main/contract/operations.ts';

interface PreloadBridge {
  operations: string[];
  call(name: string, input: unknown, callId?: string): Promise<Envelope<unknown>>;
  cancel(callId: string): void;
  onProgress(listener: (progress: unknown) => void): () => void;
}

/** A step of long work (import, generation), as the services report it. */
export interface Progress {
  operation: string;
  done: number;
  total: number;
  message: string;
}

declare global {
  interface Window {
    synthese?: PreloadBridge;
    /** For the desktop shell (webContents.executeJavaScript): see settleWrites. */
    syntheseSettleWrites?: () => Promise<void>;
  }
}

/** An error the UI can show as is: its message is French and says where. */
export class CallError extends Error {
  readonly payload: AppErrorPayload;
  constructor(payload: AppErrorPayload) {
    super(payload.message);
    this.name = 'CallError';
    this.payload = payload;
  }
}

const TOKEN_KEY = 'synthese.token';

/** Takes the token from the launch address (#token=…) once, then forgets it from the address bar. */
export function captureBridgeToken(): void {
  const match = /(?:^#|&)token=([0-9a-f]{64})/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1]!);
    history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/`);
  }
}

function bridgeToken(): string {
  captureBridgeToken();
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) throw new CallError({ code: 'INVALID_INPUT', message: 'Jeton de session absent : rouvrez l’adresse affichée par « npm run web ».' });
  return token;
}

/** « Annuler »: asks the service to stop the call; the call's own answer says whether it did. */
async function cancelViaHttp(callId: string): Promise<void> {
  try {
    await fetch('/api/cancel', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${bridgeToken()}` },
      body: JSON.stringify({ callId }),
    });
  } catch {
    // The service is gone: the call itself will say so.
  }
}

async function viaHttp(name: string, input: unknown, onProgress?: (p: Progress) => void, callId?: string): Promise<Envelope<unknown>> {
  const body = JSON.stringify({ name, input });
  const authorization = `Bearer ${bridgeToken()}`;
  let response: Response;
  try {
    response = await fetch('/api/call', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: authorization,
        ...(onProgress ? { 'X-Progress': 'ndjson' } : {}),
        ...(callId ? { 'X-Call-Id': callId } : {}),
      },
      body,
      // A save started as the page closes must still arrive; browsers cap such requests at 64 kB in all,
      // so only then, and only a small one.
      keepalive: leaving && new TextEncoder().encode(body).length < 48_000,
    });
  } catch {
    // The browser says only "Failed to fetch": the local service is not answering.
    throw new CallError({ code: 'INTERNAL', message: UNREACHABLE });
  }
  if (!(response.headers.get('Content-Type') ?? '').includes('json')) {
    throw new CallError({ code: 'INTERNAL', message: `Réponse inattendue du service (HTTP ${response.status}).` });
  }
  if (!onProgress || !response.body || !(response.headers.get('Content-Type') ?? '').includes('ndjson')) {
    return (await response.json()) as Envelope<unknown>;
  }
  // One JSON object a line: progress as it comes, the result last.
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read().catch(() => {
      throw new CallError({ code: 'INTERNAL', message: `La réponse du service a été interrompue. ${UNREACHABLE}` });
    });
    buffer += value ?? '';
    let newline: number;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const line = JSON.parse(buffer.slice(0, newline)) as { progress?: Progress; envelope?: Envelope<unknown> };
      buffer = buffer.slice(newline + 1);
      if (line.progress) onProgress(line.progress);
      if (line.envelope) return line.envelope;
    }
    if (done) throw new CallError({ code: 'INTERNAL', message: 'La réponse du service a été interrompue.' });
  }
}

const UNREACHABLE =
  'Le service de l’application ne répond plus : a-t-il été arrêté ? Relancez « npm run web », puis rouvrez l’adresse qu’il affiche. Ce qui était enregistré est dans le catalogue.';

let leaving = false;
/** The page is closing: the calls still sent must outlive it. */
export function markLeaving(): void {
  leaving = true;
  setTimeout(() => (leaving = false), 1_000); // the user chose to stay
}

const inFlight = new Set<Promise<unknown>>();

/**
 * Leaves the field being typed in (its save starts, as with Tab) and waits for every call under way:
 * the desktop shell runs this before it opens another catalogue, so that no save lands in the new one.
 */
export async function settleWrites(): Promise<void> {
  const active = document.activeElement;
  if (active instanceof HTMLElement) active.blur();
  await new Promise((resolve) => setTimeout(resolve, 0));
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}

/**
 * Calls an operation of the contract; `onProgress` follows long work as it goes. `signal` is « Annuler »:
 * the service stops the work at its next step and rolls it back, and the call then fails with
 * « Opération annulée. » (or succeeds, if the work had already ended).
 */
export function call<N extends OperationName>(
  name: N,
  input: OperationInput<N>,
  onProgress?: (progress: Progress) => void,
  signal?: AbortSignal,
): Promise<OperationOutput<N>> {
  const running = send(name, input, onProgress, signal);
  inFlight.add(running);
  void running.finally(() => inFlight.delete(running)).catch(() => undefined);
  return running;
}

async function send<N extends OperationName>(
  name: N,
  input: OperationInput<N>,
  onProgress?: (progress: Progress) => void,
  signal?: AbortSignal,
): Promise<OperationOutput<N>> {
  let envelope: Envelope<unknown>;
  const bridge = window.synthese;
  const callId = signal ? crypto.randomUUID() : undefined;
  const cancel = () => callId && (bridge ? bridge.cancel(callId) : void cancelViaHttp(callId));
  signal?.addEventListener('abort', cancel, { once: true });
  try {
    if (bridge) {
      const stop = onProgress ? bridge.onProgress((p) => onProgress(p as Progress)) : undefined;
      try {
        envelope = await bridge.call(name, input, callId);
      } finally {
        stop?.();
      }
    } else {
      envelope = await viaHttp(name, input, onProgress, callId);
    }
  } finally {
    signal?.removeEventListener('abort', cancel);
  }
  if (!envelope.ok) throw new CallError(envelope.error);
  return envelope.value as OperationOutput<N>;
}
