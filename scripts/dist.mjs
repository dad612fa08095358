// `npm run dist`: the installers, with better-sqlite3 rebuilt for Electron's ABI.
// A machine whose npm config sets `nodedir` (Node's own headers, as here) would make that rebuild
// compile against Node instead of Electron, and the installed app could not open its catalogue:
// the setting is dropped for this command only.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const env = { ...process.env };
for (const key of Object.keys(env)) if (/^npm_config_nodedir$/i.test(key)) delete env[key];
const require = createRequire(import.meta.url);
const cli = require.resolve('electron-builder/cli.js');
// Linux builds AppImage and deb; Windows (NSIS) and macOS (DMG) installers are built on those systems.
const result = spawnSync(process.execPath, [cli, '--config', 'electron-builder.yml', ...process.argv.slice(2)], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
