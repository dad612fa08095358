/**
 * `npm run reliability -- --trials 300 [--seed N] [--parallel 2]`: the kill -9 trials of
 * test/reliability/kill-trials.test.ts, many more times (spread evenly over import-attendance,
 * bundle-merge, sauvegarder and restaurer), then a table of outcomes. Exit code 1 if any trial left a
 * damaged catalogue, a half-applied command or a partial backup under a final name.
 */
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { inParallel, prng } from '../test/support/reliability.ts';
import { calibrate, OPERATION_LABELS, OPERATIONS, outcomeTable, prepareFixtures, runTrial } from '../test/support/reliability-trials.ts';

const { values } = parseArgs({
  options: { trials: { type: 'string', default: '300' }, seed: { type: 'string' }, parallel: { type: 'string', default: '2' } },
  strict: true,
});
const trials = Number(values.trials);
const width = Number(values.parallel);
const seed = values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
if (!Number.isInteger(trials) || trials < 1 || !Number.isInteger(width) || width < 1 || !Number.isInteger(seed)) {
  process.stderr.write('Usage : npm run reliability -- [--trials N] [--seed N] [--parallel N]\n');
  process.exit(2);
}

const started = Date.now();
process.stdout.write(`Essais kill -9 : ${trials}, ${width} à la fois, graine ${seed} (rejouer : --seed ${seed})\n`);
const fx = await prepareFixtures();
const cal = await calibrate(fx);
process.stdout.write(
  `Démarrage de la CLI ${cal.startMs} ms ; sans interruption : ${OPERATIONS.map((op) => `${OPERATION_LABELS[op]} ${cal.runMs[op]} ms`).join(', ')}\n`,
);
const rand = prng(seed);
const plan = Array.from({ length: trials }, (_, i) => ({ op: OPERATIONS[i % OPERATIONS.length]!, trial: Math.floor(i / OPERATIONS.length) + 1 }));
let done = 0;
const outcomes = await inParallel(plan, width, async ({ op, trial }) => {
  const outcome = await runTrial(fx, cal, op, trial, rand);
  done++;
  if (done % 20 === 0 || done === trials) process.stdout.write(`  ${done}/${trials} essais (${Math.round((Date.now() - started) / 1000)} s)\n`);
  return outcome;
});
rmSync(fx.dir, { recursive: true, force: true });
process.stdout.write(`\n${outcomeTable(outcomes)}\n\n${trials} essais en ${Math.round((Date.now() - started) / 1000)} s, graine ${seed}.\n`);
process.exit(outcomes.some((o) => !o.ok) ? 1 : 0);
