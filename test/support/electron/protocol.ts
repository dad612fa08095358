/** protocol: privileged schemes (before ready), `handle` (after ready); requests go through the handler. */
import { state } from './state.ts';

type SchemeHandler = (request: Request) => Response | Promise<Response>;

export const protocol = {
  registerSchemesAsPrivileged(customSchemes: { scheme: string; privileges?: Record<string, boolean> }[]): void {
    if (state.ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    state.privilegedSchemes.push(...customSchemes.map((s) => structuredClone(s)));
  },
  handle(scheme: string, handler: SchemeHandler): void {
    if (!state.ready) throw new Error("protocol module can't be used before app is ready");
    if (state.schemeHandlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    state.schemeHandlers.set(scheme, handler);
  },
  unhandle(scheme: string): void {
    state.schemeHandlers.delete(scheme);
  },
  isProtocolHandled(scheme: string): boolean {
    return state.schemeHandlers.has(scheme);
  },
};

/** What the page would receive for a URL of a handled scheme; null for any other (no network here). */
export async function request(url: string): Promise<{ status: number; headers: Record<string, string>; body: string; base64: string } | null> {
  const handler = state.schemeHandlers.get(new URL(url).protocol.replace(/:$/, ''));
  if (!handler) return null;
  const response = await handler(new Request(url));
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: Object.fromEntries(response.headers), body: bytes.toString('utf8'), base64: bytes.toString('base64') };
}
