// Writes results.json, results.md and (after a scale study) the chart, each through a temporary
// file and a rename, so an interrupted run never leaves half a file behind.
import fs from 'node:fs/promises';
import path from 'node:path';
import { renderResultsMarkdown } from './render/results-markdown.ts';
import { renderScaleChart } from './render/scale-chart.ts';
import type { BenchResults } from './results-schema.ts';

async function writeAtomically(file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temporary, text);
  await fs.rename(temporary, file);
}

export async function writeResults(results: BenchResults, outDir: string): Promise<string[]> {
  await fs.mkdir(outDir, { recursive: true });
  const written: string[] = [];
  let chart: string | null = null;
  if (results.scale && results.scale.some((run) => run.points.length > 1)) {
    chart = 'scale.svg';
    await writeAtomically(path.join(outDir, chart), renderScaleChart(results.scale));
    written.push(path.join(outDir, chart));
  }
  const json = path.join(outDir, 'results.json');
  await writeAtomically(json, `${JSON.stringify(results, null, 2)}\n`);
  const markdown = path.join(outDir, 'results.md');
  await writeAtomically(markdown, renderResultsMarkdown(results, { chart }));
  written.push(json, markdown);
  return written;
}
