import type { Config } from '../config.ts';
import type { ServiceContext } from '../services/context.ts';
import { PLAIN } from '../diff/paint.ts';
import type { Output } from './terminal.ts';

export interface CommandIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /** For the one question the CLI asks (`untrack` on a terminal without --yes). */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
}

export interface CommandEnv {
  io: CommandIo;
  config: Config;
  /** The database, whose opening the CLI starts while the command loads (every command reads it). */
  context(): Promise<ServiceContext>;
  /** True when that opening creates the database (a new data folder): time a command can use. */
  newDatabase?: boolean;
  /** The main output: coloured and paged on a terminal, plain in a pipe (terminal.ts). */
  output?: Output;
}

/** The env's output, or plain stdout for callers (tests, `serve`'s child) that set none. */
export function outputOf(env: CommandEnv): Output {
  return env.output ?? { paint: PLAIN, width: 80, write: (text) => void env.io.stdout.write(text), close: async () => {} };
}

export interface Command {
  name: string;
  usage: string;
  summary: string;
  /** Returns the process exit code. */
  run(args: string[], env: CommandEnv): Promise<number>;
}

/** Error codes that mean wrong input, the user's to fix (a flag, a name, a version or a path that does not exist): exit 2. */
export function isInputErrorCode(code: string | undefined): boolean {
  return code === 'INVALID_INPUT' || code === 'NOT_FOUND';
}

/** Thrown for a bad command line: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
