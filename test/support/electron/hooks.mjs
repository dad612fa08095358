// Module resolution hook (module.register): 'electron' is the stand-in, for the built shell and the driver alike.
const STAND_IN = new URL('./electron.ts', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron' || specifier === 'electron/main') return nextResolve(STAND_IN, context); // through the TypeScript loader
  return nextResolve(specifier, context);
}
