import type { Config } from '../config.ts';
import type { ServiceContext } from '../services/context.ts';

export interface CommandIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

export interface CommandEnv {
  io: CommandIo;
  config: Config;
  /** Opens the database on first use; commands that need none never pay for it. */
  context(): Promise<ServiceContext>;
}

export interface Command {
  name: string;
  usage: string;
  summary: string;
  /** Returns the process exit code. */
  run(args: string[], env: CommandEnv): Promise<number>;
}

/** Thrown for a bad command line: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
