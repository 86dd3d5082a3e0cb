// Every CLI command, in the order `docdelta --help` lists them: what help needs (name, usage, summary)
// here, and the command itself behind a dynamic import, so `docdelta --help` or `docdelta diff` loads
// neither express, the MCP SDK nor a database driver it does not use.
import type { Command } from './command.ts';
import { HELP } from './help.ts';

export interface CommandInfo {
  name: string;
  usage: string;
  summary: string;
}

export interface CommandEntry extends CommandInfo {
  load(): Promise<Command>;
}

// Names, synopses and summaries come from help.ts, which also holds each command's flags and example.
const INFO: CommandInfo[] = HELP.map((help) => ({ name: help.name, usage: `docdelta ${help.usage.join(' ').replace(/\s+/g, ' ')}`, summary: help.summary }));

const LOADERS: Record<string, () => Promise<Command>> = {
  sync: async () => (await import('./sync-command.ts')).syncCommand,
  track: async () => (await import('./track-command.ts')).trackCommand,
  untrack: async () => (await import('./untrack-command.ts')).untrackCommand,
  packages: async () => (await import('./packages-command.ts')).packagesCommand,
  versions: async () => (await import('./versions-command.ts')).versionsCommand,
  settings: async () => (await import('./settings-command.ts')).settingsCommand,
  diff: async () => (await import('./diff-command.ts')).diffCommand,
  history: async () => (await import('./history-command.ts')).historyCommand,
  links: async () => (await import('./links-command.ts')).linksCommand,
  changelog: async () => (await import('./changelog-command.ts')).changelogCommand,
  digest: async () => (await import('./digest-command.ts')).digestCommand,
  serve: async () => {
    const [{ createServeCommand }, { serveSetup }] = await Promise.all([import('./serve-command.ts'), import('./serve-setup.ts')]);
    return createServeCommand(serveSetup);
  },
  mcp: async () => (await import('./mcp-command.ts')).mcpCommand,
};

export const commands: CommandEntry[] = INFO.map((info) => ({ ...info, load: LOADERS[info.name]! }));

/** A command's help metadata, for the command module itself (one source of truth). */
export function commandInfo(name: string): CommandInfo {
  const info = INFO.find((candidate) => candidate.name === name);
  if (!info) throw new Error(`no CLI command named ${name}`);
  return info;
}
