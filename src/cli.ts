// The `docdelta` command line: parse, run one command, map errors to a message and an exit code.
import type { ConfigError } from './config.ts';
import { DocdeltaError } from './errors.ts';
import { type CommandEnv, type CommandIo, UsageError } from './cli/command.ts';
import { commands } from './cli/commands.ts';
import type { ServiceContext } from './services/context.ts';

function helpText(): string {
  const width = Math.max(...commands.map((command) => command.usage.length));
  const lines = commands.map((command) => `  ${command.usage.padEnd(width)}  ${command.summary}`);
  return [
    'docdelta — what changed in these docs between version A and version B?',
    '',
    'Usage:',
    ...lines,
    '',
    '`--package` may be left out when one package is tracked.',
    'Configuration comes from the environment (DATABASE_URL, DOCDELTA_PACKAGES, …); see the README.',
  ].join('\n');
}

/** config.ts is imported only once a command runs, so its error is recognised by name. */
function isConfigError(error: unknown): error is ConfigError {
  return error instanceof Error && error.name === 'ConfigError';
}

/** Exit codes: 0 ok, 1 failure, 2 usage or invalid input. */
export function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError || isConfigError(error)) return 2;
  if (error instanceof DocdeltaError && error.code === 'INVALID_INPUT') return 2;
  return 1;
}

export async function main(argv: string[], io: CommandIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${helpText()}\n`);
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write('docdelta 0.1.0\n');
    return 0;
  }
  const entry = commands.find((candidate) => candidate.name === name);
  if (!entry) {
    io.stderr.write(`docdelta: unknown command ${JSON.stringify(name)}\n\n${helpText()}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`usage: ${entry.usage}\n  ${entry.summary}\n`);
    return 0;
  }
  const command = await entry.load();
  let context: ServiceContext | undefined;
  try {
    // Loaded here, not at the top: zod and node-cron are most of `docdelta --help`'s start-up.
    const { loadConfig } = await import('./config.ts');
    const config = loadConfig();
    const env: CommandEnv = {
      io,
      config,
      // The composition root, loaded on first use: commands that need no database never load a driver.
      context: async () => (context ??= await (await import('./services/app-context.ts')).createAppContext(config)),
    };
    return await command.run(rest, env);
  } catch (error) {
    const code = exitCodeFor(error);
    if (error instanceof UsageError) io.stderr.write(`docdelta ${name}: ${error.message}\nusage: ${command.usage}\n`);
    else if (error instanceof DocdeltaError || isConfigError(error)) io.stderr.write(`docdelta ${name}: ${error.message}\n`);
    else io.stderr.write(`docdelta ${name}: unexpected error: ${(error as Error)?.stack ?? String(error)}\n`);
    return code;
  } finally {
    await context?.database.close();
  }
}
