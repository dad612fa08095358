/**
 * The dispatcher as every transport reaches it: raw name, raw payload, output checked against the
 * contract. `ok` returns the value of a call that must succeed; `refuse` checks the error of a call
 * that must fail AND that the catalogue is byte for byte as it was before the call.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { openCatalogue, type Catalogue } from '../../src-main/catalogue/database.ts';
import type { AppErrorCode, AppErrorPayload, Envelope } from '../../src-main/contract/errors.ts';
import type { OperationInput, OperationName, OperationOutput } from '../../src-main/contract/operations.ts';
import type { ServiceContext } from '../../src-main/services/context.ts';
import { handlers } from '../../src-main/services/handlers.ts';
import { dispatch } from '../../src-main/transport/dispatch.ts';
import { catalogueChecksum, FIXED_NOW } from './catalogue.ts';

export interface ExpectedRefusal {
  code: AppErrorCode;
  /** A French fragment of the message: of the issue at `path` when given, else of the error's message. */
  message: string | RegExp;
  /** Where the contract must point (`issues[].path`), for INVALID_INPUT. */
  path?: string;
}

export class DispatchHarness {
  readonly db: Catalogue;
  readonly ctx: ServiceContext;
  private readonly folders: string[] = [];

  constructor() {
    this.db = openCatalogue(':memory:');
    this.ctx = { db: this.db, now: () => FIXED_NOW };
  }

  /** The raw envelope, for names and payloads the contract does not know. */
  send(name: unknown, payload: unknown): Promise<Envelope<unknown>> {
    return dispatch(handlers, this.ctx, name, payload, { validateOutput: true });
  }

  async ok<N extends OperationName>(name: N, payload: OperationInput<N>): Promise<OperationOutput<N>> {
    const envelope = await this.send(name, payload);
    if (!envelope.ok) throw new Error(`« ${name} » aurait dû réussir : ${JSON.stringify(envelope.error)}`);
    return envelope.value as OperationOutput<N>;
  }

  async refuse(name: unknown, payload: unknown, expected: ExpectedRefusal): Promise<AppErrorPayload> {
    const before = catalogueChecksum(this.db);
    const envelope = await this.send(name, payload);
    if (envelope.ok) {
      throw new Error(`« ${String(name)} » aurait dû être refusée, a renvoyé ${JSON.stringify(envelope.value).slice(0, 300)}`);
    }
    const { error } = envelope;
    expect(error.code, error.message).toBe(expected.code);
    if (expected.path !== undefined) {
      expect(error.message).toMatch(/^Saisie refusée — /);
      const issue = error.issues?.find((i) => i.path === expected.path);
      expect(issue, `aucun problème signalé en « ${expected.path} » : ${JSON.stringify(error.issues)}`).toBeDefined();
      expect(issue!.message).toMatch(expected.message);
    } else {
      expect(error.message).toMatch(expected.message);
    }
    expect(changedTables(before, catalogueChecksum(this.db)), 'tables modifiées par un appel refusé').toEqual([]);
    return error;
  }

  /** A fresh folder under the system's temporary directory, removed by `close`. */
  tempDir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'synthese-dispatch-'));
    this.folders.push(dir);
    return dir;
  }

  close(): void {
    this.db.close();
    for (const dir of this.folders) rmSync(dir, { recursive: true, force: true });
  }
}

/** Names of the tables whose content differs between two catalogueChecksum() results. */
export function changedTables(before: string, after: string): string[] {
  const byTable = (checksum: string) => new Map(checksum.split('\n').map((line) => [line.slice(0, line.indexOf(':')), line]));
  const [a, b] = [byTable(before), byTable(after)];
  return [...new Set([...a.keys(), ...b.keys()])].filter((table) => a.get(table) !== b.get(table)).sort();
}

export interface PresetWorld {
  campaignId: number;
  /** Thématique ids by number (1 to 5 for both presets). */
  thematique: (number: number) => number;
}

/** Installs a preset campaign; with `region`, also chooses that région académique in the settings. */
export async function installPreset(
  h: DispatchHarness,
  slug: 'egn-2020' | 'concertation-2015' = 'egn-2020',
  region: string | null = 'NAQ',
): Promise<PresetWorld> {
  const campaign = await h.ok('campaigns.installPreset', { slug });
  if (region) await h.ok('settings.update', { regionCode: region });
  return {
    campaignId: campaign.id,
    thematique: (number) => {
      const found = campaign.thematiques.find((t) => t.number === number);
      if (!found) throw new Error(`pas de thématique ${number} dans ${slug}`);
      return found.id;
    },
  };
}
