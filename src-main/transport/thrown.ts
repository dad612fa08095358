/**
 * What a thrown value says about itself, read without ever throwing again: anything can be thrown
 * (an object without prototype, a proxy, a getter that fails), and `String(value)` on such a value
 * is itself an error (« Cannot convert object to primitive value »).
 */

export interface ThrownDetails {
  name: string;
  message: string;
  code?: string;
  path?: string;
  syscall?: string;
  stack?: string;
}

export function describeThrown(error: unknown): ThrownDetails {
  if (error === null || (typeof error !== 'object' && typeof error !== 'function')) {
    return { name: typeof error, message: safeText(error) };
  }
  const message = read(error, 'message');
  const details: ThrownDetails = {
    name: textOf(read(error, 'name')) ?? textOf(read(read(error, 'constructor'), 'name')) ?? 'objet',
    message: typeof message === 'string' ? message : safeText(error),
  };
  for (const key of ['code', 'path', 'syscall', 'stack'] as const) {
    const value = textOf(read(error, key));
    if (value !== undefined) details[key] = value;
  }
  return details;
}

/** Any value as text, for a log or a message: never throws. */
export function safeText(value: unknown): string {
  try {
    if (typeof value === 'string') return value;
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return String(value);
    const json = JSON.stringify(value);
    if (json !== undefined) return json;
  } catch {
    // cycles, BigInt, failing getters: the type is all we can say
  }
  try {
    return Object.prototype.toString.call(value);
  } catch {
    return '[valeur illisible]';
  }
}

function read(value: unknown, key: string): unknown {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return undefined;
  try {
    return (value as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
