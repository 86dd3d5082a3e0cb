// Numbers as people read them in results.md.
import type { RunStatsJson } from '../results-schema.ts';

export function formatMs(ms: number): string {
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 10) return `${ms.toFixed(0)} ms`;
  return `${ms.toFixed(1)} ms`;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(0)} KB`;
  return `${bytes} B`;
}

function formatNumber(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 100) return Math.round(value).toLocaleString('en-US');
  if (abs >= 10) return value.toFixed(1);
  return value.toFixed(abs >= 1 ? 2 : 3);
}

export function formatValue(value: number, unit: string): string {
  if (unit === 'ms') return formatMs(value);
  if (unit === 'bytes') return formatBytes(value);
  return `${formatNumber(value)} ${unit}`;
}

/** `1.20 s (1.10–1.40 s, 5 runs)`; a single run shows just the value. */
export function formatStats(stats: RunStatsJson, unit: string): string {
  if (stats.runs === 1) return formatValue(stats.median, unit);
  return `${formatValue(stats.median, unit)} (${formatValue(stats.min, unit)} – ${formatValue(stats.max, unit)}, ${stats.runs} runs)`;
}

export function formatRatio(ratio: number): string {
  return ratio >= 10 ? `${ratio.toFixed(1)}×` : `${ratio.toFixed(2)}×`;
}

export function formatMet(met: boolean | null): string {
  return met === null ? '' : met ? 'yes' : '**no**';
}

/** Table cells may not hold a pipe or a line break. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
