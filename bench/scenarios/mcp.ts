// Comparison 3, MCP half (issues 5 and 9): `what_changed` latency for the real pair in memory and over
// stdio, and the size of its answer (goal: under 4,000 characters, every move named). Over HTTP it is
// measured by the http scenario, against the same server it loads.
import { fileURLToPath } from 'node:url';
import { commands } from '../../src/cli/commands.ts';
import { detectDocsRoot } from '../../src/normalize/index.ts';
import { getVersionDiff } from '../../src/services/version-diff.ts';
import type { FolderMove } from '../../src/types.ts';
import { type BenchEnv, copyPgliteFolder } from '../bench-env.ts';
import { callLatencies, type ConnectedClient, connectInMemory, connectStdio, MCP_SECTION } from '../mcp-client.ts';
import { dropCachedDiffs } from '../bench-store.ts';
import { openPgliteCopy, pairFolder } from '../pglite-context.ts';
import { ensureRealPair } from '../real-package.ts';
import type { Scenario } from './scenario.ts';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** A move is named when the answer shows both folders, in full or relative to the docs root. */
function unnamedMoves(text: string, moves: FolderMove[], docsRoot: string | null): string[] {
  const shown = (folder: string) => text.includes(folder) || (docsRoot !== null && folder.startsWith(docsRoot) && text.includes(folder.slice(docsRoot.length)));
  return moves.filter((move) => !shown(move.from) || !shown(move.to)).map((move) => `${move.from} → ${move.to}`);
}

async function stdioClient(env: BenchEnv, dataDir: string): Promise<{ client: ConnectedClient; via: string }> {
  const childEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    DATABASE_URL: `pglite:${dataDir}`,
    DOCDELTA_SNAPSHOTS_DIR: env.snapshotsDir,
  };
  const viaCli = commands.some((command) => command.name === 'mcp');
  const args = viaCli ? ['bin/docdelta.js', 'mcp'] : ['bin/run-ts.js', 'bench/child-mcp-stdio.ts'];
  return { client: await connectStdio(process.execPath, args, childEnv, REPO), via: viaCli ? '`docdelta mcp`' : 'serveStdio (as `docdelta mcp` runs it; the CLI did not list `mcp` yet)' };
}

export const mcpScenario: Scenario = {
  name: 'mcp',
  async run(env) {
    const { report, real } = env;
    const source = await pairFolder(env);
    const args = { package: real.name, from: real.from, to: real.to };
    const local = await openPgliteCopy(env, source, 'mcp');
    try {
      await ensureRealPair(env.real, local.ctx);
      // The first call below is timed with the diff not cached, as right after a sync without precompute.
      await dropCachedDiffs(local.ctx.db);
      const client = await connectInMemory(local.ctx);
      try {
        const measured = await callLatencies(client, 'what_changed', args, env.reps('light'));
        report.figure({ section: MCP_SECTION, name: 'in memory, first call (diff not cached yet)', unit: 'ms', samples: [measured.first] });
        report.figure({ section: MCP_SECTION, name: 'in memory, later calls', unit: 'ms', samples: measured.later });
        const diff = await getVersionDiff(local.ctx, args);
        const docsRoot = detectDocsRoot(real.files.to.map((file) => file.path));
        const missing = unnamedMoves(measured.text, diff.moves, docsRoot);
        report.figure({
          section: MCP_SECTION,
          name: `answer size (detail "summary"; ${diff.moves.length} folder moves, ${diff.moves.length - missing.length} named)`,
          unit: 'characters',
          samples: [measured.text.length],
          goal: { text: 'under 4,000 characters', max: 3999 },
          notes: missing.length > 0 ? `moves not named: ${missing.join('; ')}` : `every folder move named: ${diff.moves.map((move) => `${move.from} → ${move.to}`).join(', ')}`,
        });
      } finally {
        await client.close();
      }
    } finally {
      await local.close();
    }

    const stdioFolder = await copyPgliteFolder(env, source, 'mcp-stdio');
    const stdio = await stdioClient(env, stdioFolder);
    try {
      const measured = await callLatencies(stdio.client, 'what_changed', args, env.reps('light'));
      report.figure({ section: MCP_SECTION, name: `over stdio, later calls (${stdio.via})`, unit: 'ms', samples: measured.later, notes: `first call ${measured.first.toFixed(0)} ms (a new process: diff cached in the database, not yet in memory)` });
    } finally {
      await stdio.client.close();
    }

  },
};
