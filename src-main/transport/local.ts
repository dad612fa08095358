/** In-process transport: the CLI and the tests call the same dispatcher the UI reaches over IPC or HTTP. */
import { AppError } from '../contract/errors.ts';
import type { OperationInput, OperationName, OperationOutput } from '../contract/operations.ts';
import type { ServiceContext } from '../services/context.ts';
import { handlers } from '../services/handlers.ts';
import { dispatch, type DispatchOptions } from './dispatch.ts';

export type Caller = <N extends OperationName>(name: N, input: OperationInput<N>) => Promise<OperationOutput<N>>;

export function localCaller(ctx: ServiceContext, options: DispatchOptions = {}): Caller {
  return async (name, input) => {
    const envelope = await dispatch(handlers, ctx, name, input, options);
    if (!envelope.ok) throw new AppError(envelope.error.code, envelope.error.message, envelope.error.issues ?? []);
    return envelope.value as never;
  };
}
