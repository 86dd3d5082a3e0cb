// The machine and tool versions a run was measured on, so numbers from different runs can be compared.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import type { BenchResults } from './results-schema.ts';

/** The machine, with the load average `loadAtStart` (os.loadavg() when the run began) and now. */
export function describeMachine(loadAtStart: number[]): BenchResults['machine'] {
  const cpus = os.cpus();
  const rounded = (values: number[]) => values.map((value) => Math.round(value * 100) / 100);
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryBytes: os.totalmem(),
    platform: `${os.type()} ${os.release()}`,
    arch: os.arch(),
    loadAverage: { start: rounded(loadAtStart), end: rounded(os.loadavg()) },
  };
}

/** First line of a tool's version output, or null when the tool is missing. */
export function toolVersion(command: string, args: string[]): string | null {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 15_000, env: { ...process.env, NO_UPDATE_NOTIFIER: '1' } });
  if (result.error || result.status !== 0) return null;
  return result.stdout.trim().split('\n')[0] ?? null;
}

function installedVersion(packageName: string): string | null {
  try {
    const manifest = JSON.parse(readFileSync(new URL(`../node_modules/${packageName}/package.json`, import.meta.url), 'utf8')) as { version?: string };
    return manifest.version ?? null;
  } catch {
    return null;
  }
}

export function describeTools(): Record<string, string | null> {
  return {
    node: process.version,
    npm: toolVersion('npm', ['--version']),
    git: toolVersion('git', ['--version']),
    pglite: installedVersion('@electric-sql/pglite'),
    autocannon: installedVersion('autocannon'),
  };
}
