// Bundles the Electron main process (ESM) and the sandboxed preload (CommonJS, as sandboxing requires).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'info', external: ['electron', 'better-sqlite3', '@resvg/resvg-js'] };

await build({ ...common, entryPoints: ['src-main/main.ts'], outfile: 'dist/main/main.mjs', format: 'esm',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } });
// The catalogue and the services run in worker threads started from this file (see transport/service-worker.ts).
await build({ ...common, entryPoints: ['src-main/transport/service-worker-entry.ts'], outfile: 'dist/main/service-worker.mjs', format: 'esm',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } });
await build({ ...common, entryPoints: ['src-main/preload/preload.ts'], outfile: 'dist/main/preload.cjs', format: 'cjs', minify: true });
