/**
 * The services' worker bundled by esbuild as the desktop app bundles it (scripts/build-main.mjs), for the
 * bench and scripts/measure-memory.ts: started from the sources, each worker would also load tsx and keep
 * its transpiled modules (~40 MB the app never has). Written to dist/bench/, beside the app's own bundles.
 */
import { fileURLToPath } from 'node:url';

export async function serviceWorkerBundle(): Promise<URL> {
  return benchBundle(new URL('../src-main/transport/service-worker-entry.ts', import.meta.url), 'service-worker.mjs');
}

/** `entry` bundled into dist/bench/`name` with the app's esbuild settings (its native modules and esbuild left out). */
export async function benchBundle(entry: URL, name: string): Promise<URL> {
  const { build } = await import('esbuild');
  const bundle = new URL(`../dist/bench/${name}`, import.meta.url);
  await build({
    entryPoints: [fileURLToPath(entry)], outfile: fileURLToPath(bundle),
    bundle: true, platform: 'node', target: 'node20', format: 'esm', logLevel: 'warning', external: ['electron', 'better-sqlite3', '@resvg/resvg-js', 'esbuild'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return bundle;
}
