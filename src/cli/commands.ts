// Every CLI command, in the order `docdelta --help` lists them: what help needs (name, usage, summary)
// here, and the command itself behind a dynamic import, so `docdelta --help` or `docdelta diff` loads
// neither express, the MCP SDK nor a database driver it does not use.
import type { Command } from './command.ts';

export interface CommandInfo {
  name: string;
  usage: string;
  summary: string;
}

export interface CommandEntry extends CommandInfo {
  load(): Promise<Command>;
}

const INFO: CommandInfo[] = [
  {
    name: 'sync',
    usage: 'docdelta sync [PACKAGE...] [--versions 0.1.0,0.2.0] [--offline] [--json]',
    summary: 'ingest new versions (default: DOCDELTA_PACKAGES and every tracked git or local package); every run is recorded in job_runs',
  },
  {
    name: 'track',
    usage: "docdelta track git <url-or-path> --docs <folder> [--tags 'v*'] [--name N] [--json] | track local <folder-or-.tgz> [--name N] [--version V] [--json]",
    summary: 'track docs outside the npm registry: a git repository (its tags are the versions) or a local folder or .tgz (then run `docdelta sync`)',
  },
  {
    name: 'versions',
    usage: 'docdelta versions [--package P] [--json]',
    summary: 'list stored versions with publish dates and file counts',
  },
  {
    name: 'diff',
    usage: 'docdelta diff FROM TO [--package P] [--path PREFIX] [--format stat|json|patch|markdown] [--find-renames=N]',
    summary: 'what changed between two versions (FROM/TO may be `previous`/`latest`)',
  },
  {
    name: 'history',
    usage: 'docdelta history PATH [--package P] [--json]',
    summary: 'the versions that changed a file, following renames',
  },
  {
    name: 'links',
    usage: 'docdelta links FROM TO [--package P] [--scan DIR] [--base-url URL] [--base-path /docs] [--format table|json|netlify|nextjs]',
    summary: 'route map, broken links and redirects for an upgrade (exit 1 when links break)',
  },
  {
    name: 'changelog',
    usage: 'docdelta changelog [--package P] [--since VERSION] [--limit N] [--format markdown|atom|json]',
    summary: 'what changed in each version, newest first, as Markdown for release notes',
  },
  {
    name: 'digest',
    usage: 'docdelta digest [--dry-run] [--package P] [--json]',
    summary: 'post the Slack digest of versions not yet announced (--dry-run prints the payloads, sends nothing)',
  },
  {
    name: 'serve',
    usage: 'docdelta serve [--port N] [--host H] [--sync]',
    summary: 'serve the HTTP API and the web diff viewer (with --sync: sync the configured packages first)',
  },
  {
    name: 'mcp',
    usage: 'docdelta mcp',
    summary: 'serve MCP over stdio (what_changed, file_diff, … for AI agents)',
  },
];

const LOADERS: Record<string, () => Promise<Command>> = {
  sync: async () => (await import('./sync-command.ts')).syncCommand,
  track: async () => (await import('./track-command.ts')).trackCommand,
  versions: async () => (await import('./versions-command.ts')).versionsCommand,
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
