// Every CLI command, in the order `docdelta --help` lists them.
import type { Command } from './command.ts';
import { diffCommand } from './diff-command.ts';
import { historyCommand } from './history-command.ts';
import { syncCommand } from './sync-command.ts';
import { versionsCommand } from './versions-command.ts';

export const commands: Command[] = [syncCommand, versionsCommand, diffCommand, historyCommand];
