// Every CLI command, in the order `docdelta --help` lists them.
import type { Command } from './command.ts';
import { diffCommand } from './diff-command.ts';
import { digestCommand } from './digest-command.ts';
import { changelogCommand } from './changelog-command.ts';
import { historyCommand } from './history-command.ts';
import { linksCommand } from './links-command.ts';
import { mcpCommand } from './mcp-command.ts';
import { createServeCommand } from './serve-command.ts';
import { serveSetup } from './serve-setup.ts';
import { settingsCommand } from './settings-command.ts';
import { syncCommand } from './sync-command.ts';
import { trackCommand } from './track-command.ts';
import { versionsCommand } from './versions-command.ts';

export const commands: Command[] = [syncCommand, trackCommand, versionsCommand, settingsCommand, diffCommand, historyCommand, linksCommand, changelogCommand, digestCommand, createServeCommand(serveSetup), mcpCommand];
