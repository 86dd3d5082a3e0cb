// Command-line arguments: node:util parseArgs, with its errors rewritten as a person would want
// them — which flag, what was wrong, the closest flag this command has — and the flags every
// command accepts (colour, pager, help) taken out before a command sees its own.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closest, didYouMean } from '../suggest.ts';
import { UsageError } from './command.ts';
import { COLOR_FLAGS } from './terminal.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface GlobalFlags {
  /** The colour flags in order (the last wins). */
  color: string[];
  noPager: boolean;
}

/** Splits the global flags from a command's own arguments; `--` ends flag parsing, as usual. */
export function takeGlobalFlags(args: readonly string[]): { args: string[]; flags: GlobalFlags } {
  const rest: string[] = [];
  const flags: GlobalFlags = { color: [], noPager: false };
  let ended = false;
  for (const arg of args) {
    if (!ended && arg === '--') ended = true;
    if (!ended && arg === '--no-pager') flags.noPager = true;
    else if (!ended && Object.hasOwn(COLOR_FLAGS, arg)) flags.color.push(arg);
    else rest.push(arg);
  }
  return { args: rest, flags };
}

function flagNames(options: Options): string[] {
  const names: string[] = [];
  for (const [name, option] of Object.entries(options)) {
    names.push(`--${name}`);
    if (option.short) names.push(`-${option.short}`);
  }
  return names;
}

/** parseArgs's message → ours. Unknown codes keep parseArgs's text, which is still accurate. */
function explain(error: NodeJS.ErrnoException, options: Options): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  const flag = quoted.replace(/ <value>$/, '');
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const known = [...flagNames(options), '--help', '--no-pager', ...Object.keys(COLOR_FLAGS)];
      const near = didYouMean(closest(flag.split('=')[0]!, known));
      return `unknown flag ${flag}${near || `; this command takes ${flagNames(options).join(', ') || 'no flags'}`}`;
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(error.message) ? `${flag} needs a value` : `${flag} takes no value`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${quoted}`;
    default:
      return error.message;
  }
}

/** node:util parseArgs, with its errors turned into usage errors that suggest the flag meant. */
export function parseCommandArgs<T extends Options>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(explain(error as NodeJS.ErrnoException, options));
  }
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string, fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const near = didYouMean(closest(value, allowed));
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')}; got ${JSON.stringify(value)}${near}`);
}

export function commaList(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const items = value.split(',').map((item) => item.trim()).filter(Boolean);
  if (items.length === 0) throw new UsageError('expected a comma-separated list');
  return items;
}

/** Refuses arguments a command does not take, naming the first. */
export function noMorePositionals(positionals: readonly string[], expected: string): void {
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}; expected ${expected}`);
}
