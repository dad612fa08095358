/**
 * kill -9 trials (issue 10, part 6): the CLI's import-attendance, bundle-merge, sauvegarder and
 * restaurer, each killed with SIGKILL at a random moment on its own copy of a catalogue, two at a
 * time. After each: PRAGMA integrity_check = ok, and all or nothing — the meetings are the count before
 * or the count after, never in between; no file under a backup's final name that is not a whole,
 * sound catalogue; a restored catalogue is the old one or the restored one, never a mix.
 * The seed is printed; RELIABILITY_SEED=N replays the same draws. Hundreds of trials:
 * `npm run reliability -- --trials 300` (scripts/reliability-nightly.ts).
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inParallel, prng, runSeed } from '../support/reliability.ts';
import {
  type Calibration, calibrate, type Fixtures, OPERATION_LABELS, OPERATIONS, type Operation, outcomeTable,
  prepareFixtures, runTrial, type TrialOutcome,
} from '../support/reliability-trials.ts';

/** 30 trials per `npm test`: the import and the merge last seconds, the backup and the restore milliseconds. */
const TRIALS: Record<Operation, number> = { import: 8, merge: 8, backup: 7, restore: 7 };

const seed = runSeed('kill -9');
let fx: Fixtures;
let cal: Calibration;
const outcomes = new Map<Operation, TrialOutcome[]>();

beforeAll(async () => {
  fx = await prepareFixtures();
  cal = await calibrate(fx);
  const rand = prng(seed);
  const plan = OPERATIONS.flatMap((op) => Array.from({ length: TRIALS[op] }, (_, i) => ({ op, trial: i + 1 })));
  // Shuffled (seeded), so that two trials of different commands share the processor.
  for (let i = plan.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [plan[i], plan[j]] = [plan[j]!, plan[i]!];
  }
  const started = Date.now();
  const all = await inParallel(plan, 2, ({ op, trial }) => runTrial(fx, cal, op, trial, rand));
  for (const op of OPERATIONS) outcomes.set(op, all.filter((o) => o.op === op));
  process.stdout.write(
    `[kill -9] graine ${seed} ; démarrage de la CLI ${cal.startMs} ms ; sans interruption : ` +
      `${OPERATIONS.map((op) => `${OPERATION_LABELS[op]} ${cal.runMs[op]} ms`).join(', ')} ; ` +
      `${all.length} essais en ${Math.round((Date.now() - started) / 1000)} s\n${outcomeTable(all)}\n`,
  );
}, 170_000);

afterAll(() => {
  if (fx) rmSync(fx.dir, { recursive: true, force: true });
});

describe(`kill -9 au milieu d’une commande (graine ${seed})`, () => {
  it('the trials ran: 30 in all, most of them killed before the command ended by itself', () => {
    const all = [...outcomes.values()].flat();
    expect(all).toHaveLength(Object.values(TRIALS).reduce((a, b) => a + b, 0));
    expect(all.filter((o) => o.killed).length).toBeGreaterThanOrEqual(all.length / 2);
  });

  for (const op of OPERATIONS) {
    it(`${OPERATION_LABELS[op]} : every killed run leaves a sound catalogue, all or nothing`, () => {
      const failures = (outcomes.get(op) ?? []).filter((o) => !o.ok).map((o) => `essai ${o.trial} (tué ${o.kill}) : ${o.state} — ${o.detail}`);
      expect(failures, `graine ${seed}`).toEqual([]);
    });
  }
});
