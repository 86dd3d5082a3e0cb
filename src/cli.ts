// The `docdelta` command line: parse, run one command, map errors to a message and an exit code.
// Git's habits throughout (README "The command line"): one exit-code rule, near misses named,
// help in 80 columns, colour and a pager on a terminal only.
import type { ConfigError } from './config.ts';
import { DocdeltaError, toDocdeltaError } from './errors.ts';
import { takeGlobalFlags } from './cli/args.ts';
import { type CommandEnv, type CommandIo, isInputErrorCode, UsageError } from './cli/command.ts';
import { commands } from './cli/commands.ts';
import { helpFor, renderCommandHelp, renderOverview } from './cli/help.ts';
import { openOutput } from './cli/terminal.ts';
import { onShutdownSignals } from './api/shutdown-signals.ts';
import type { ServiceContext } from './services/context.ts';

/** config.ts is imported only once a command runs, so its error is recognised by name. */
function isConfigError(error: unknown): error is ConfigError {
  return error instanceof Error && error.name === 'ConfigError';
}

/** Exit codes, for every command: 0 ok, 1 failure (or findings, which a command returns itself), 2 wrong input. */
export function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError || isConfigError(error)) return 2;
  if (error instanceof DocdeltaError && isInputErrorCode(error.code)) return 2;
  return 1;
}

/**
 * Long-running commands: their stdout is a protocol or a live log (never paged), and they shut down
 * in order on SIGINT/SIGTERM themselves.
 */
const LONG_RUNNING = new Set(['serve', 'mcp']);

/** The exit status a shell reports for a command ended by this signal (128 + its number). */
const SIGNAL_STATUS: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143 };

/** How long an interrupted command may take to leave the database before it exits anyway. */
const LEAVE_GRACE_MS = 6_000;

export async function main(argv: string[], io: CommandIo = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin }): Promise<number> {
  const { args, flags } = takeGlobalFlags(argv);
  const [name, ...rest] = args;
  if (name === '--help' || name === '-h' || (name === 'help' && rest.length === 0)) {
    io.stdout.write(renderOverview());
    return 0;
  }
  if (!name) {
    io.stderr.write(renderOverview());
    return 2;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write('docdelta 0.1.0\n');
    return 0;
  }
  // `docdelta help diff` is `docdelta diff --help`, as in git.
  const wanted = name === 'help' ? rest[0]! : name;
  const entry = commands.find((candidate) => candidate.name === wanted);
  if (!entry) {
    const { closest, didYouMean } = await import('./suggest.ts');
    const near = didYouMean(closest(wanted, commands.map((command) => command.name)));
    io.stderr.write(`docdelta: unknown command ${JSON.stringify(wanted)}${near}\nRun \`docdelta --help\` for the list of commands.\n`);
    return 2;
  }
  if (name === 'help' || rest.includes('--help') || rest.includes('-h')) {
    const help = helpFor(entry.name);
    io.stdout.write(help ? renderCommandHelp(help) : `usage: ${entry.usage}\n`);
    return 0;
  }
  const output = openOutput(io.stdout, process.env, { color: flags.color, noPager: flags.noPager, page: !LONG_RUNNING.has(entry.name) });
  let opening: Promise<ServiceContext> | undefined;
  const leave = async () => {
    const context = await opening?.catch(() => undefined);
    await context?.database.close();
  };
  // Ctrl-C or SIGTERM during a one-shot command: the database is left as a finished command leaves
  // it (the last client hands its server to the idle stopper, or stops it), so no server stays up for
  // good, and unfinished writes roll back with their transaction. The command's queries then fail as
  // the database closes under them: not news, so no error is reported.
  let interrupted: number | undefined;
  const stopListening = LONG_RUNNING.has(entry.name)
    ? () => {}
    : onShutdownSignals(
        async (signal) => {
          interrupted = process.exitCode = SIGNAL_STATUS[signal] ?? 1;
          await leave();
        },
        { graceMs: LEAVE_GRACE_MS, lingerMs: 0 },
      );
  let code: number;
  try {
    // Loaded here, not at the top: zod and node-cron are most of `docdelta --help`'s start-up.
    const [{ loadConfig }, { opensNewDatabase, startServerAhead }, { stderrLogger }] = await Promise.all([
      import('./config.ts'),
      import('./services/new-database.ts'),
      import('./logger.ts'),
    ]);
    const config = loadConfig();
    const newDatabase = opensNewDatabase(config);
    // Every command past this point reads the database. Its server is started first, before the
    // command's modules load: a new folder's cluster is copied, or a stopped server started, by other
    // processes while this one compiles the command. The open below joins that start, with the
    // same status lines (services/app-context.ts). A command refusing its arguments still waits for
    // the open, and closes it.
    await startServerAhead(config, (message) => stderrLogger.info(message));
    opening = import('./services/app-context.ts').then(({ createAppContext }) => createAppContext(config));
    opening.catch(() => {});
    const command = await entry.load();
    const env: CommandEnv = { io, config, output, newDatabase, context: () => opening! };
    code = await command.run(rest, env);
  } catch (thrown) {
    // A lock timeout or a full disk reads as one sentence, not as the failed query's SQL and a stack.
    const known = thrown instanceof DocdeltaError ? thrown : toDocdeltaError(thrown);
    const error = known.code === 'INTERNAL' ? thrown : known;
    code = exitCodeFor(error);
    // What was written so far is shown first; the error follows it, as with git.
    await output.close();
    if (interrupted !== undefined) return interrupted;
    if (error instanceof UsageError) io.stderr.write(`docdelta ${entry.name}: ${error.message}\nRun \`docdelta ${entry.name} --help\` for its flags.\n`);
    else if (error instanceof DocdeltaError || isConfigError(error)) io.stderr.write(`docdelta ${entry.name}: ${error.message}\n`);
    else io.stderr.write(`docdelta ${entry.name}: unexpected error: ${(error as Error)?.stack ?? String(error)}\n`);
  } finally {
    stopListening();
    await leave();
  }
  await output.close();
  return interrupted ?? code;
}
