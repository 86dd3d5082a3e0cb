// The scenarios in the order they run: ingest first, because it leaves the PGlite folder holding the
// real pair that later scenarios copy. Each is imported only when it runs, so a consumer module that
// is missing or broken costs its own scenario (reported as a gap), not the whole bench.
import type { Scenario } from './scenario.ts';

export interface ScenarioEntry {
  name: string;
  fullOnly?: boolean;
  load(): Promise<Scenario>;
}

export const SCENARIOS: ScenarioEntry[] = [
  { name: 'ingest', load: async () => (await import('./ingest.ts')).ingestScenario },
  { name: 'npm-diff', load: async () => (await import('./npm-diff.ts')).npmDiffScenario },
  { name: 'git-diff', load: async () => (await import('./git-diff.ts')).gitDiffScenario },
  { name: 'synthetic-pair', load: async () => (await import('./synthetic-pair.ts')).syntheticPairScenario },
  { name: 'http', load: async () => (await import('./http.ts')).httpScenario },
  { name: 'mcp', load: async () => (await import('./mcp.ts')).mcpScenario },
  { name: 'links', load: async () => (await import('./links.ts')).linksScenario },
  { name: 'cli', load: async () => (await import('./cli-runtime.ts')).cliRuntimeScenario },
  { name: 'scale', fullOnly: true, load: async () => (await import('./scale.ts')).scaleScenario },
];
