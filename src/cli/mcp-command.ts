// `docdelta mcp`: MCP over stdio, for clients that start docdelta themselves (Claude Desktop,
// Cursor, …). Runs until the client closes stdin.
import { keepStdoutForMessages, serveStdio } from '../mcp/index.ts';
import { noMorePositionals, parseCommandArgs } from './args.ts';
import type { Command } from './command.ts';
import { commandInfo } from './commands.ts';

export const mcpCommand: Command = {
  ...commandInfo('mcp'),
  async run(args, env) {
    noMorePositionals(parseCommandArgs(args, {}).positionals, 'no arguments');
    // Before the database opens: from here on, stdout is the MCP channel.
    keepStdoutForMessages();
    const ctx = await env.context();
    const where = ctx.database.client.driver === 'pglite' ? 'PGlite' : ctx.config.databaseUrl ? 'PostgreSQL' : `the embedded PostgreSQL in ${ctx.config.dataDir}`;
    env.io.stderr.write(`docdelta mcp: serving over stdio (${where})\n`);
    // SIGTERM/SIGINT end the session the same way a closed stdin does, so the database is closed
    // cleanly (PGlite on disk may be mid-write: the diff cache is filled on first use).
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
    try {
      await serveStdio(ctx, undefined, stop.signal);
    } finally {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
    }
    return 0;
  },
};
