// Help that fits 80 columns: `docdelta --help` lists the commands in one line each, and
// `docdelta COMMAND --help` shows its synopsis, every flag with what it does, and an example.
// The text lives here, beside no code, so a command's help can be shown without loading it.

export interface FlagHelp {
  flag: string;
  text: string;
}

export interface CommandHelp {
  name: string;
  /** One line of `docdelta --help`. */
  summary: string;
  /** Synopsis lines, without the leading `docdelta `; one starting with spaces continues the line before. */
  usage: string[];
  /** What it does, a few sentences. */
  description: string;
  flags: FlagHelp[];
  examples: string[];
}

const PACKAGE: FlagHelp = { flag: '--package P', text: 'the package (may be left out when only one is tracked)' };
const JSON_OUT: FlagHelp = { flag: '--json', text: 'print JSON instead of text' };

/** Accepted by every command; listed once in each command's help. */
const COMMON_FLAGS: FlagHelp[] = [
  { flag: '--color[=WHEN]', text: 'colour: always, never or auto (default: on a terminal)' },
  { flag: '--no-color', text: 'no colour (also when NO_COLOR is set)' },
  { flag: '--no-pager', text: 'print straight to the terminal, not through $PAGER' },
  { flag: '-h, --help', text: 'this help' },
];

export const HELP: CommandHelp[] = [
  {
    name: 'sync',
    summary: 'ingest new versions of the tracked packages',
    usage: ['sync [PACKAGE...] [--versions V1,V2] [--offline] [--json]'],
    description:
      'Asks each package\'s source which versions exist and stores the new ones. Without PACKAGE: every tracked package and DOCDELTA_PACKAGES. A name the registry does not have is refused and nothing is stored.',
    flags: [
      { flag: '--versions V1,V2', text: 'only these versions (one PACKAGE)' },
      { flag: '--offline', text: 'use saved snapshots only, no network' },
      JSON_OUT,
    ],
    examples: ['docdelta sync @workos/mcp-docs-server --versions 0.1.0,0.2.0'],
  },
  {
    name: 'track',
    summary: 'start tracking a package from npm, a git repository or a folder',
    usage: ['track npm NAME', "track git URL --docs FOLDER [--tags 'v*'] [--name N]", 'track local PATH [--name N] [--version V]'],
    description:
      'Registers a package after checking that its source can be read: a name the npm registry lacks, or a repository that cannot be read, stores nothing. Run `docdelta sync` afterwards.',
    flags: [
      { flag: '--docs FOLDER', text: 'git: the folder that holds the pages' },
      { flag: '--tags PATTERN', text: 'git: only tags matching this glob' },
      { flag: '--name N', text: 'git, local: the package name to use' },
      { flag: '--version V', text: 'local: the version the folder holds' },
      JSON_OUT,
    ],
    examples: ['docdelta track npm @workos/mcp-docs-server', 'docdelta track git https://github.com/org/docs.git --docs content'],
  },
  {
    name: 'untrack',
    summary: 'stop tracking a package and free what only it used',
    usage: ['untrack NAME [--yes] [--json]'],
    description:
      'Deletes the package, its versions, its cached diffs and the stored files no other package holds. On a terminal it shows what would go and asks for --yes.',
    flags: [{ flag: '--yes', text: 'delete without asking' }, JSON_OUT],
    examples: ['docdelta untrack @workos/mcp-docs-serverr --yes'],
  },
  {
    name: 'packages',
    summary: 'list tracked packages: source, versions, last sync',
    usage: ['packages [--json]'],
    description: 'One line per tracked package: where its versions come from, how many are stored, the newest, and when it was last synced.',
    flags: [JSON_OUT],
    examples: ['docdelta packages'],
  },
  {
    name: 'versions',
    summary: 'list stored versions, and where their pages were found',
    usage: ['versions [--package P] [--json]'],
    description:
      'The stored versions of a package in release order, with publish dates and file counts, and for each the folders that hold its pages, the route each is served at and why (detected, or set with `docdelta settings`).',
    flags: [PACKAGE, JSON_OUT],
    examples: ['docdelta versions --package @workos/mcp-docs-server'],
  },
  {
    name: 'settings',
    summary: "show or correct how a package's pages and links are read",
    usage: ['settings [--package P] [KEY=VALUE ...] [--unset KEY] [--json]'],
    description:
      'Without KEY=VALUE, shows the settings. KEY is docs.roots, docs.routeGroups, docs.indexNames, docs.learnRoutes or links.<name> (see the README); VALUE is JSON, or a bare word taken as a string. A bad value is refused and nothing is stored.',
    flags: [PACKAGE, { flag: '--unset KEY', text: 'remove a setting (or a whole group: docs, links)' }, JSON_OUT],
    examples: ['docdelta settings \'docs.roots=[{"folder":".docs/raw","route":"/docs"}]\''],
  },
  {
    name: 'diff',
    summary: 'what changed between two versions',
    usage: ['diff FROM TO [--package P] [--path PATH] [--format FORMAT]', '  [-w] [-M N] [--offline]'],
    description:
      'FROM and TO are versions (`v0.1.0` reads as `0.1.0`) or `previous`/`latest`. An npm version not stored yet is fetched and stored first, as `sync --versions` would (progress on stderr). PATH may be given from the package root, from the docs root, or as a route (`/authkit/sso`).',
    flags: [
      PACKAGE,
      { flag: '--path PATH', text: 'only files under PATH (a folder, file or glob)' },
      { flag: '--format FORMAT', text: 'stat (default), numstat, name-status, raw, patch, json or markdown' },
      { flag: '-w, --ignore-all-space', text: 'ignore changes in whitespace (NBSP too)' },
      { flag: '-M, --find-renames N', text: 'rename similarity threshold in percent (default 50)' },
      { flag: '--offline', text: 'only stored versions: never fetch a missing one' },
    ],
    examples: ['docdelta diff 0.1.0 0.2.0 --path authkit/', 'docdelta diff 1.2.26 1.2.27 --package @mastra/mcp-docs-server --format patch', 'docdelta diff previous latest --format numstat | sort -rn | head'],
  },
  {
    name: 'history',
    summary: 'the versions that changed a file, following renames',
    usage: ['history PATH [--package P] [--json]'],
    description: 'Every version pair in which the page changed, newest first, following it back across renames. PATH may be given from the package root, the docs root or as a route.',
    flags: [PACKAGE, JSON_OUT],
    examples: ['docdelta history authkit/index.mdx'],
  },
  {
    name: 'links',
    summary: 'broken links and redirects for an upgrade (exit 1 if broken)',
    usage: ['links FROM TO [--package P] [--scan DIR] [--base-url URL]', '  [--base-path /docs] [--format table|json|netlify|nextjs]'],
    description:
      'Maps every old page to its new place, finds links that break, and writes redirect rules. Exits 1 when links break, so CI can gate an upgrade, and 2 when a version has no pages or its routes match almost none of its links (the check proved nothing).',
    flags: [
      PACKAGE,
      { flag: '--scan DIR', text: 'also check links in your own files under DIR' },
      { flag: '--base-url URL', text: 'the docs site, to recognise absolute links to it' },
      { flag: '--base-path /docs', text: 'prefix of the redirect rules' },
      { flag: '--format FORMAT', text: 'table (default), json, netlify or nextjs' },
    ],
    examples: ['docdelta links 0.1.0 0.2.0 --scan ./src --format netlify > _redirects'],
  },
  {
    name: 'changelog',
    summary: 'what changed in each version, newest first',
    usage: ['changelog [--package P] [--since VERSION] [--limit N]', '  [--format markdown|atom|json]'],
    description: 'Release notes for the stored versions, one section per version, as Markdown, an Atom feed or JSON.',
    flags: [
      PACKAGE,
      { flag: '--since VERSION', text: 'only versions after VERSION' },
      { flag: '--limit N', text: 'at most N versions' },
      { flag: '--format FORMAT', text: 'markdown (default), atom or json' },
    ],
    examples: ['docdelta changelog --since 0.1.0 > CHANGES.md'],
  },
  {
    name: 'digest',
    summary: 'post the Slack digest of versions not yet announced',
    usage: ['digest [--dry-run] [--package P] [--json]'],
    description: 'Posts one message per package with news to SLACK_WEBHOOK_URL. --dry-run prints the payloads and sends nothing.',
    flags: [{ flag: '--dry-run', text: 'print what would be posted' }, PACKAGE, JSON_OUT],
    examples: ['docdelta digest --dry-run'],
  },
  {
    name: 'serve',
    summary: 'serve the HTTP API, the web viewer and MCP over HTTP',
    usage: ['serve [--port N] [--host H] [--sync]'],
    description: 'Runs until stopped (Ctrl-C). With --sync, syncs the tracked packages first.',
    flags: [
      { flag: '--port N', text: 'port to listen on (default PORT or 3000)' },
      { flag: '--host H', text: 'address to listen on' },
      { flag: '--sync', text: 'sync before serving' },
    ],
    examples: ['docdelta serve --port 8080'],
  },
  {
    name: 'mcp',
    summary: 'serve MCP over stdio for AI agents',
    usage: ['mcp'],
    description: 'For MCP clients that start docdelta themselves (Claude Desktop, Cursor, …): tools such as what_changed and file_diff over stdin/stdout.',
    flags: [],
    examples: ['docdelta mcp'],
  },
];

const WIDTH = 80;

/** Greedy word wrap; words longer than the width stay whole on their own line. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function flagLines(flags: readonly FlagHelp[]): string[] {
  const column = Math.min(26, Math.max(...flags.map((flag) => flag.flag.length)) + 4);
  return flags.flatMap((flag) => {
    const head = `  ${flag.flag}`;
    const body = wrap(flag.text, WIDTH - column);
    if (head.length + 2 > column) return [head, ...body.map((line) => ' '.repeat(column) + line)];
    return [head.padEnd(column) + (body[0] ?? ''), ...body.slice(1).map((line) => ' '.repeat(column) + line)];
  });
}

export function helpFor(name: string): CommandHelp | undefined {
  return HELP.find((entry) => entry.name === name);
}

/** `docdelta COMMAND --help`. */
export function renderCommandHelp(help: CommandHelp): string {
  const lines = [
    ...help.usage.map((usage, i) => {
      if (usage.startsWith(' ')) return `${' '.repeat(16)}${usage.trim()}`;
      return `${i === 0 ? 'usage: ' : '       '}docdelta ${usage}`;
    }),
    '',
    ...wrap(help.description, WIDTH),
    '',
  ];
  if (help.flags.length > 0) lines.push('Flags:', ...flagLines(help.flags), '');
  lines.push('Common flags:', ...flagLines(COMMON_FLAGS), '');
  lines.push(help.examples.length > 1 ? 'Examples:' : 'Example:', ...help.examples.map((example) => `  ${example}`), '');
  lines.push('Exit status: 0 success, 1 failure or findings, 2 wrong input.');
  return `${lines.join('\n')}\n`;
}

/** `docdelta --help`. */
export function renderOverview(): string {
  const width = Math.max(...HELP.map((entry) => entry.name.length)) + 2;
  return [
    'docdelta: what changed in these docs between version A and version B?',
    '',
    'usage: docdelta COMMAND [ARGS] [--color|--no-color] [--no-pager]',
    '',
    'Commands:',
    ...HELP.flatMap((entry) => wrap(entry.summary, WIDTH - width - 2).map((line, i) => `  ${(i === 0 ? entry.name : '').padEnd(width)}${line}`)),
    '',
    "Run `docdelta COMMAND --help` for a command's flags and an example.",
    'Exit status: 0 success, 1 failure or findings, 2 wrong input.',
    'Configuration comes from the environment (DATABASE_URL, DOCDELTA_PACKAGES, …);',
    'see the README.',
    '',
  ].join('\n');
}
