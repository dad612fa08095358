// `npm run synthese` and `npm run web`: the command runs from a bundle built once by esbuild (no
// transpiler at run time: tsx spent 2–3 s on every start). The bundle is rebuilt when it is missing or
// older than any source file or the installed packages; then it runs in this same process.
//   node scripts/run.mjs cli|web [arguments…]
import { existsSync, readdirSync, renameSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ENTRIES = { cli: 'src-main/cli/index.ts', web: 'src-main/cli/web.ts' };
const [, , which, ...args] = process.argv;
const entry = ENTRIES[which];
if (!entry) {
  console.error(`Usage : node scripts/run.mjs ${Object.keys(ENTRIES).join('|')} [arguments…]`);
  process.exit(2);
}
const bundle = join(root, 'dist', 'cli', `${which}.mjs`);

/** The newest modification time under `dir` (the sources: a few hundred files, a few milliseconds). */
function newest(dir) {
  let latest = 0;
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, name.name);
    latest = Math.max(latest, name.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

function stale() {
  if (!existsSync(bundle)) return true;
  const built = statSync(bundle).mtimeMs;
  const lock = join(root, 'node_modules', '.package-lock.json');
  return newest(join(root, 'src-main')) > built || (existsSync(lock) && statSync(lock).mtimeMs > built);
}

if (stale()) {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    write: false,
    sourcemap: 'inline',
    logLevel: 'error',
    // Native modules stay where npm put them.
    external: ['electron', 'better-sqlite3', '@resvg/resvg-js'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  mkdirSync(dirname(bundle), { recursive: true });
  // Beside, then renamed: two commands started at once never run half a bundle.
  const partial = `${bundle}.${process.pid}.tmp`;
  writeFileSync(partial, result.outputFiles[0].contents);
  renameSync(partial, bundle);
}

// The command reads its arguments from process.argv, as when it is run directly.
process.argv = [process.argv[0], bundle, ...args];
await import(pathToFileURL(bundle).href);
