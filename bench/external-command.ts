// Runs the tool a user would otherwise reach for (npm, git) the way they would: a whole process,
// its output read to the end but not kept, so only the tool's own work is timed.
import { spawn } from 'node:child_process';

export interface CommandRun {
  stdoutBytes: number;
  exitCode: number;
}

export interface CommandOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Exit codes that mean success; `git diff --no-index` exits 1 when the trees differ. */
  okCodes?: readonly number[];
  timeoutMs?: number;
}

export function runCommand(command: string, args: readonly string[], options: CommandOptions = {}): Promise<CommandRun> {
  const okCodes = options.okCodes ?? [0];
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdoutBytes = 0;
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-2000);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const exitCode = code ?? -1;
      if (!okCodes.includes(exitCode)) {
        reject(new Error(`${command} ${args.join(' ')} exited with ${signal ?? exitCode}: ${stderr.trim().slice(-500)}`));
        return;
      }
      resolve({ stdoutBytes, exitCode });
    });
  });
}

/** git with no user or system configuration, so a developer's settings cannot change what it does. */
export const CLEAN_GIT_ENV: NodeJS.ProcessEnv = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', LC_ALL: 'C' };
