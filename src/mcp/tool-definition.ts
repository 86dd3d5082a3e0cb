// One MCP tool: its schemas, its description (written for a model choosing among tools) and a
// handler that calls the shared services. Adding a tool is one module exporting a definition plus
// one line in tools/index.ts.
import type { z } from 'zod';
import type { ServiceContext } from '../services/context.ts';
import type { ErrorHints } from './tool-errors.ts';

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
