// Child: MCP over stdio exactly as `docdelta mcp` serves it, for runs where the CLI does not list the
// command yet. stdout carries only MCP messages.
import { loadConfig } from '../src/config.ts';
import { createAppContext } from '../src/services/app-context.ts';
import { keepStdoutForMessages, serveStdio } from '../src/mcp/index.ts';

keepStdoutForMessages();
const ctx = await createAppContext(loadConfig());
await serveStdio(ctx);
await ctx.database.close();
