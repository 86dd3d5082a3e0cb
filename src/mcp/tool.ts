// One MCP tool: its schemas, its description (written for a model choosing among tools) and a
// handler that calls the shared services; and the one mapping from docdelta's errors to MCP: a tool
// result with `isError: true` whose text says what went wrong, what exists, and what to try. A
// user's mistake is never a protocol error and never a crash; only the SDK's own protocol faults
// travel as JSON-RPC errors. Adding a tool is one definition plus one line in server.ts's TOOLS.
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { z } from 'zod';
import { type ErrorCode, toDocdeltaError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { ServiceContext } from '../services/context.ts';

const WHAT_TO_TRY: Record<ErrorCode, string> = {
  NOT_FOUND: 'list_packages and list_versions show what is stored.',
  INVALID_INPUT: 'Fix the argument named above and call again.',
  UPSTREAM: 'A source docdelta reads from (the npm registry or a git host) failed; try again later.',
  INTEGRITY: 'Stored data failed verification; the server operator has to sync this package again.',
  CONFLICT: 'Another change was being made at the same time; call again.',
  UNAVAILABLE: 'docdelta is busy or its database is (a lock, a full disk); call again in a little while.',
  INTERNAL: 'docdelta failed unexpectedly (the server log has the details); call again, or try a narrower call.',
};

export type ErrorHints = Partial<Record<ErrorCode, string>>;

export function toolError(error: unknown, tool: string, logger: Logger, hints: ErrorHints = {}): CallToolResult {
  const failure = toDocdeltaError(error);
  if (failure.code === 'INTERNAL') {
    const cause = failure.cause instanceof Error ? failure.cause : failure;
    logger.error(`MCP tool ${tool} failed`, { message: cause.message, stack: cause.stack });
  }
  const text = `${failure.code}: ${failure.message}\n${hints[failure.code] ?? WHAT_TO_TRY[failure.code]}`;
  return { isError: true, content: [{ type: 'text', text }] };
}

/** What a handler returns: Markdown for the model to read, and the same answer as JSON. */
export interface ToolAnswer<Out> {
  markdown: string;
  structured: Out;
}

export interface ToolDefinition<In extends z.ZodObject = z.ZodObject, Out extends z.ZodObject = z.ZodObject> {
  name: string;
  title: string;
  description: string;
  /** Strict objects with bounded strings: the SDK validates arguments against it before `run`. */
  input: In;
  output: Out;
  /** What to try when a call fails with one of these codes, in place of the generic advice. */
  errorHints?: ErrorHints;
  run(ctx: ServiceContext, args: z.output<In>): Promise<ToolAnswer<z.output<Out>>>;
}

/** Keeps each tool's argument and answer types checked while the list holds them all alike. */
export function defineTool<In extends z.ZodObject, Out extends z.ZodObject>(definition: ToolDefinition<In, Out>): ToolDefinition {
  return definition as unknown as ToolDefinition;
}
