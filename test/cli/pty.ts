// Runs the real CLI as a person and as a script would: on a pseudo-terminal (util-linux `script`
// allocates one, so stdout.isTTY is true in the child) or with its output in a pipe.
import { execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const BIN = path.resolve('bin/docdelta.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

const quote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;

/** The CLI with stdout and stderr in pipes, as from a script. */
export async function inPipe(args: string[], env: Record<string, string>): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env, timeout: 90_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/**
 * The CLI on a pseudo-terminal. Its stdout and stderr arrive mixed on the terminal, with CRLF line
 * ends (returned as LF). `input` is typed at the terminal (answers to questions).
 */
export function onTerminal(args: string[], env: Record<string, string>, input = ''): Promise<CliResult> {
  const command = [process.execPath, BIN, ...args].map(quote).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout: stdout.replace(/\r\n/g, '\n'), stderr });
    });
    // Typed after a pause, once the program is waiting for it.
    if (input) setTimeout(() => child.stdin.write(input), 2_500);
    else child.stdin.end();
  });
}

export const ANSI_ESCAPE = /\x1b\[[0-9;]*m/;
