import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/contract/errors.ts';
import { findProgram, runProgram } from '../../src-main/restitutions/external-tool.ts';

describe('runProgram', () => {
  it('kills a program that runs too long, and what it started, with the French refusal', async () => {
    const sh = findProgram('sh');
    expect(sh).not.toBeNull();
    const started = Date.now();
    // A script whose child holds the output open, as soffice's script and soffice.bin do.
    const run = runProgram(sh!, ['-c', 'sleep 30 & wait'], { timeoutMs: 200, timedOut: () => new AppError('FILE', 'Trop long : « lent.odt ».') });
    await expect(run).rejects.toThrow('Trop long : « lent.odt ».');
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('gives the output and exit code of a program that ends', async () => {
    const result = await runProgram(findProgram('sh')!, ['-c', 'printf "élèves"; exit 3'], { timeoutMs: 5_000, timedOut: () => new AppError('FILE', 'x') });
    expect(result.code).toBe(3);
    expect(result.stdout.toString('utf8')).toBe('élèves');
  });

  it('finds nothing for a program that is not installed', () => {
    expect(findProgram('programme-absent-de-la-synthese', { PATH: '/usr/bin:/bin' })).toBeNull();
  });
});
