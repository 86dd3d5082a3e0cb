// One error type with a closed set of codes. Each interface (HTTP, MCP, CLI) maps these once.
import { describeEnvironmentFault } from './environment-faults.ts';

// UNAVAILABLE: docdelta is busy (every diff worker taken, or the answer not ready in time); the same
// request succeeds later, and `retryAfterSeconds` says when to try.
export const ERROR_CODES = ['NOT_FOUND', 'INVALID_INPUT', 'UPSTREAM', 'INTEGRITY', 'CONFLICT', 'UNAVAILABLE', 'INTERNAL'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class DocdeltaError extends Error {
  readonly code: ErrorCode;
  /** For UNAVAILABLE: when the same request is worth trying again. */
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; retryAfterSeconds?: number }) {
    super(message, options);
    this.name = 'DocdeltaError';
    this.code = code;
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
}

/** A code carried as a plain string (a job's report, an event), back as an ErrorCode; INTERNAL when unknown. */
export function errorCodeOf(code: string | undefined): ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code ?? '') ? (code as ErrorCode) : 'INTERNAL';
}

export const notFound = (message: string) => new DocdeltaError('NOT_FOUND', message);
export const invalidInput = (message: string) => new DocdeltaError('INVALID_INPUT', message);
export const upstream = (message: string, cause?: unknown) => new DocdeltaError('UPSTREAM', message, { cause });
export const integrity = (message: string) => new DocdeltaError('INTEGRITY', message);
export const conflict = (message: string) => new DocdeltaError('CONFLICT', message);
export const unavailable = (message: string, retryAfterSeconds: number) => new DocdeltaError('UNAVAILABLE', message, { retryAfterSeconds });

/**
 * Anything that is not a DocdeltaError becomes INTERNAL, with a message safe to show — except a
 * known fault of the environment (lock timeout, full disk…), which says what happened and what to do.
 */
export function toDocdeltaError(error: unknown): DocdeltaError {
  if (error instanceof DocdeltaError) return error;
  const fault = describeEnvironmentFault(error);
  if (fault) return new DocdeltaError(fault.code, fault.message, { cause: error, retryAfterSeconds: fault.retryAfterSeconds });
  return new DocdeltaError('INTERNAL', 'internal error', { cause: error });
}
