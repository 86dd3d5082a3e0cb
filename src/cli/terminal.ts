// Git's terminal manners: colour when a person is watching, none for scripts, and long output
// through a pager.
//
// Colour: `--color` (or `--color=always`) forces it, `--no-color` / `--color=never` and a non-empty
// NO_COLOR (no-color.org) turn it off, otherwise it is on when stdout is a TTY and TERM is not
// `dumb`. Pager: on a TTY only, unless `--no-pager`; the command is $DOCDELTA_PAGER, else $PAGER,
// else `less -FRX` (quit if one screen, keep colours, leave the text on screen). Like git, LESS=FRX
// is set for a `less` the user named without flags; an empty value or `cat` means no pager.
import { spawn } from 'node:child_process';
import type { Writable } from 'node:stream';
import { PLAIN, type Paint } from '../diff/paint.ts';

export type ColorChoice = 'always' | 'never' | 'auto';

type Env = Record<string, string | undefined>;
type Stream = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

/** The colour flags every command takes, and what each chooses. */
export const COLOR_FLAGS: Readonly<Record<string, ColorChoice>> = {
  '--color': 'always',
  '--color=always': 'always',
  '--color=never': 'never',
  '--color=auto': 'auto',
  '--no-color': 'never',
};

/** The choice of the colour flags given, in order: the last one wins, as in git. */
export function colorChoiceFrom(flags: readonly string[]): ColorChoice {
  let choice: ColorChoice = 'auto';
  for (const flag of flags) if (Object.hasOwn(COLOR_FLAGS, flag)) choice = COLOR_FLAGS[flag]!;
  return choice;
}

export function useColor(choice: ColorChoice, stream: Stream, env: Env): boolean {
  if (choice === 'always') return true;
  if (choice === 'never') return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

const sgr = (code: string) => (text: string) => (text === '' ? text : `\x1b[${code}m${text}\x1b[m`);

/** Git's default colours: new green, old red; renames and moves cyan; headers bold; notes dim. */
export const ANSI: Paint = {
  added: sgr('32'),
  removed: sgr('31'),
  renamed: sgr('36'),
  meta: sgr('1'),
  dim: sgr('2'),
};

export function paintFor(color: boolean): Paint {
  return color ? ANSI : PLAIN;
}

/** A unified patch coloured line by line as `git diff --color` does. */
export function colorPatch(patch: string, paint: Paint): string {
  if (paint === PLAIN) return patch;
  return patch
    .split('\n')
    .map((line) => {
      if (/^(diff --git |index |--- |\+\+\+ |new file mode|deleted file mode|similarity index|rename (from|to) |Binary files )/.test(line)) {
        return line.startsWith('rename ') || line.startsWith('similarity ') ? paint.renamed(line) : paint.meta(line);
      }
      if (line.startsWith('@@')) {
        const end = line.indexOf('@@', 2);
        return end === -1 ? paint.renamed(line) : `${paint.renamed(line.slice(0, end + 2))}${line.slice(end + 2)}`;
      }
      if (line.startsWith('+')) return paint.added(line);
      if (line.startsWith('-')) return paint.removed(line);
      return line;
    })
    .join('\n');
}

/** The terminal's width for `--stat`, as git reads it: COLUMNS, else the TTY's, else 80. */
export function terminalWidth(stream: Stream, env: Env): number {
  const fromEnv = Number(env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return stream.isTTY && stream.columns ? stream.columns : 80;
}

/** The pager command to run, or null for none. */
export function pagerCommand(stream: Stream, env: Env, noPager: boolean): string | null {
  if (noPager || stream.isTTY !== true) return null;
  const chosen = env.DOCDELTA_PAGER ?? env.PAGER ?? 'less -FRX';
  const trimmed = chosen.trim();
  if (trimmed === '' || trimmed === 'cat') return null;
  return trimmed;
}

export interface Pager {
  /** Where output goes: the pager's stdin. */
  stream: Writable;
  /** Ends the input and waits until the person quits the pager. */
  close(): Promise<void>;
}

/**
 * Starts `command` through the shell with its output on this terminal. Returns null when it cannot
 * start (no such program), so the caller writes straight to stdout instead. A pager quit before
 * the end closes its stdin: the EPIPE that follows is the reader being done, not an error.
 */
export function startPager(command: string, env: Env): Promise<Pager | null> {
  const pagerEnv: Env = { ...env };
  if (pagerEnv.LESS === undefined) pagerEnv.LESS = 'FRX';
  if (pagerEnv.LV === undefined) pagerEnv.LV = '-c';
  return new Promise((resolve) => {
    const child = spawn('/bin/sh', ['-c', command], { stdio: ['pipe', 'inherit', 'inherit'], env: pagerEnv as NodeJS.ProcessEnv });
    const exited = new Promise<void>((done) => child.once('close', () => done()));
    child.stdin.on('error', () => {});
    child.once('error', () => resolve(null));
    child.once('spawn', () =>
      resolve({
        stream: child.stdin,
        close: async () => {
          child.stdin.end();
          await exited;
        },
      }),
    );
  });
}

export interface Output {
  /** Colours for renderers (PLAIN in a pipe). */
  paint: Paint;
  /** Columns for `--stat`. */
  width: number;
  /** Writes a command's main output: through the pager when one runs, else to stdout. */
  write(text: string): void;
  /** Waits for the pager, if any, to be quit. */
  close(): Promise<void>;
}

export interface OutputOptions {
  color: readonly string[];
  noPager: boolean;
  /** False for commands whose output is a stream for a program (`mcp`) or a live log (`serve`). */
  page: boolean;
}

/**
 * The terminal manners for one command run. The pager starts lazily, on the first write, so a
 * command that fails before printing anything shows its error on a plain terminal.
 */
export function openOutput(stdout: Stream, env: Env, options: OutputOptions): Output {
  const color = useColor(colorChoiceFrom(options.color), stdout, env);
  const command = options.page ? pagerCommand(stdout, env, options.noPager) : null;
  let pager: Promise<Pager | null> | null = null;
  let chain: Promise<void> = Promise.resolve();
  return {
    paint: paintFor(color),
    width: terminalWidth(stdout, env),
    write(text) {
      if (!command) {
        stdout.write(text);
        return;
      }
      pager ??= startPager(command, env);
      const started = pager;
      chain = chain.then(async () => {
        const running = await started;
        (running?.stream ?? stdout).write(text);
      });
    },
    async close() {
      await chain;
      const running = pager ? await pager : null;
      await running?.close();
    },
  };
}
