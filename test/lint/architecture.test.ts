/**
 * The lint rules that hold the architecture's lines (eslint.config.js), tried on code that crosses them:
 * a rule that let these through would hold nothing.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function messages(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.severity === 2).map((m) => m.message);
}

describe('the architecture lint', () => {
  it.each([
    ['electron outside the shell', "import { app } from 'electron';\nexport const a = app;\n", 'src-main/services/x.ts', /parlent à Electron/],
    ['electron imported on the fly', "export const e = () => import('electron');\n", 'src-main/services/x.ts', /parlent à Electron/],
    ['SQL in a service', "import type { Catalogue } from '../catalogue/database.ts';\nexport const f = (db: Catalogue) => db.prepare('SELECT 1').get();\n", 'src-main/services/x.ts', /Le SQL vit dans src-main\/catalogue/],
    ['SQL through the context', "import type { ServiceContext } from './context.ts';\nexport const f = (ctx: ServiceContext) => ctx.db.exec('DELETE FROM meeting');\n", 'src-main/services/x.ts', /Le SQL vit dans src-main\/catalogue/],
    ['better-sqlite3 in a service', "import Database from 'better-sqlite3';\nexport const d = Database;\n", 'src-main/services/x.ts', /Le SQL vit/],
    ['the services from the renderer', "import { handlers } from '../../src-main/services/handlers.ts';\nexport const h = handlers;\n", 'src-renderer/features/x.ts', /ne voit du processus principal que le contrat/],
    ['Node from the renderer', "import { readFileSync } from 'fs';\nexport const r = readFileSync;\n", 'src-renderer/features/x.ts', /ne voit du processus principal que le contrat/],
    ['Node in the contract', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n", 'src-main/contract/x.ts', /Le contrat est neutre/],
    ['the catalogue in the contract', "import { openCatalogue } from '../catalogue/database.ts';\nexport const o = openCatalogue;\n", 'src-main/contract/x.ts', /Le contrat est neutre/],
    ['the shell in a schema', "import { app } from '../../main.ts';\nexport const o = app;\n", 'src-main/contract/schemas/x.ts', /Le contrat est neutre/],
  ])('refuses %s', async (_what, code, filePath, message) => {
    expect(await messages(code, filePath)).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
  }, 60_000);

  it('lets the allowed lines through', async () => {
    expect(await messages("import { z } from 'zod';\nimport { Id } from './primitives.ts';\nexport const s = z.object({ id: Id });\n", 'src-main/contract/x.ts')).toEqual([]);
    expect(await messages("import type { Meeting } from '../../src-main/contract/schemas/meeting.ts';\nexport type M = Meeting;\n", 'src-renderer/features/x.ts')).toEqual([]);
    expect(await messages("import type { Catalogue } from '../database.ts';\nexport const f = (db: Catalogue) => db.prepare('SELECT 1').get();\n", 'src-main/catalogue/repos/x.repo.ts')).toEqual([]);
  }, 60_000);
});
