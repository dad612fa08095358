/**
 * The renderer's only way to the catalogue: `call(name, input)`, typed by the service contract.
 * In Electron it goes through the preload's bridge (IPC); in a browser, through the local HTTP
 * bridge with the launch token. Same dispatcher behind both.
 */
import type { AppErrorPayload, Envelope } from '../../src-main/contract/errors.ts';
import type { OperationInput, OperationName, OperationOutput } from '../../src-main/contract/operations.ts';

interface PreloadBridge {
  operations: string[];
  call(name: string, input: unknown): Promise<Envelope<unknown>>;
}

declare global {
  interface Window {
    synthese?: PreloadBridge;
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

async function viaHttp(name: string, input: unknown): Promise<Envelope<unknown>> {
  const response = await fetch('/api/call', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${bridgeToken()}` },
    body: JSON.stringify({ name, input }),
  });
  return (await response.json()) as Envelope<unknown>;
}

export async function call<N extends OperationName>(name: N, input: OperationInput<N>): Promise<OperationOutput<N>> {
  const envelope = window.synthese ? await window.synthese.call(name, input) : await viaHttp(name, input);
  if (!envelope.ok) throw new CallError(envelope.error);
  return envelope.value as OperationOutput<N>;
}
