/** The shape of one operation's case: a valid call checked for real, and a refused one. */
import { createHash } from 'node:crypto';
import type { OperationName } from '../../../src-main/contract/operations.ts';
import type { DispatchHarness } from '../../support/dispatch-harness.ts';

export interface OperationCase {
  /** Succeeds, and the answer says what it should (the contract's output schema is checked by dispatch). */
  valid: (h: DispatchHarness) => Promise<void>;
  /** Is refused with the right code, a French message and, for INVALID_INPUT, the path of the bad field. */
  invalid: (h: DispatchHarness) => Promise<void>;
}
export type CaseGroup = { [N in OperationName]?: OperationCase };

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
