import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderResultsMarkdown } from '../../bench/render/results-markdown.ts';
import { niceCeiling, renderScaleChart } from '../../bench/render/scale-chart.ts';
import { BenchReport } from '../../bench/report.ts';
import { type BenchResults, resultsSchema, type ScaleRun } from '../../bench/results-schema.ts';

const META = {
  generatedAt: '2026-01-01T00:00:00.000Z',
  mode: 'full' as const,
  durationMs: 123_456.7,
  machine: { cpus: 2, cpuModel: 'Test CPU', memoryBytes: 8e9, platform: 'Linux 6', arch: 'x64', loadAverage: { start: [0.5, 0.4, 0.3], end: [3.5, 1, 0.5] } },
  tools: { node: 'v20.20.2', git: 'git version 2.39.5', postgresql: null },
};

const point = (versions: number, syncMs: number, databaseBytes: number) => ({
  versions,
  files: 2_000 + versions,
  syncMs,
  rawBytes: versions * 5_600_000,
  databaseBytes,
  tableBytes: { blobs: databaseBytes / 3, doc_meta: databaseBytes / 4, version_files: databaseBytes / 5 },
  blobs: 2_000 + versions * 40,
  diffFirstToLastMs: 100 + versions,
  diffMiddlePairMs: 50,
  middlePair: [`1.${versions / 2 - 1}.0`, `1.${versions / 2}.0`] as [string, string],
  peakRssMb: 200 + versions,
});

const SCALE: ScaleRun[] = [
  { driver: 'pglite', points: [point(10, 9_000, 20e6), point(30, 30_000, 28e6), point(100, 110_000, 60e6)], notes: 'grew with churn' },
  { driver: 'postgres', points: [point(10, 4_000, 21e6), point(30, 12_000, 29e6), point(100, 41_000, 61e6)], notes: null },
];

function sampleResults(): BenchResults {
  const report = new BenchReport();
  report.compare({
    name: 'diff compute vs git',
    ours: 'diffPair',
    theirs: 'git diff --no-index -M --numstat',
    oursSamples: [110, 90, 100],
    theirsSamples: [200, 210, 190],
    goal: { text: '≤ 1.0 × git', max: 1 },
  });
  report.compare({ name: 'cold | pipe', ours: 'sync + diff', theirs: 'npm diff', oursSamples: [3000], theirsSamples: [2000], goal: { text: '≤ 0.2 ×', max: 0.2 } });
  report.figure({ section: 'HTTP', name: 'requests per second', unit: 'req/s', samples: [5200, 4800, 5100], goal: { text: '≥ 5,000', min: 5000 } });
  report.figure({ section: 'storage', name: 'database size', unit: 'bytes', samples: [12_700_000] });
  report.scale = SCALE;
  report.note('npm cache warm');
  report.gap('lychee: not installed');
  return report.results(META);
}

describe('results.json', () => {
  it('has the comparisons array of {name, ours_ms, theirs, theirs_ms, ratio} with medians, and passes its schema', () => {
    const results = resultsSchema.parse(sampleResults());
    expect(results.comparisons[0]).toMatchObject({ name: 'diff compute vs git', ours_ms: 100, theirs: 'git diff --no-index -M --numstat', theirs_ms: 200, ratio: 0.5, met: true });
    expect(results.comparisons[0]!.ours_runs).toEqual({ median: 100, min: 90, max: 110, runs: 3 });
    expect(results.comparisons[1]).toMatchObject({ ratio: 1.5, met: false });
    expect(results.durationMs).toBe(123_457);
  });

  it('marks a figure goal met by its median, for minimums and maximums', () => {
    const results = sampleResults();
    expect(results.figures.find((figure) => figure.name === 'requests per second')).toMatchObject({ met: true, value: { median: 5100, min: 4800, max: 5200, runs: 3 } });
    expect(results.figures.find((figure) => figure.name === 'database size')!.met).toBeNull();
  });

  it('rejects a comparison without its ratio', () => {
    const results = sampleResults() as unknown as { comparisons: Array<Record<string, unknown>> };
    delete results.comparisons[0]!.ratio;
    expect(resultsSchema.safeParse(results).success).toBe(false);
  });
});

describe('results.md', () => {
  const markdown = renderResultsMarkdown(sampleResults(), { chart: 'scale.svg' });

  it('names the machine and the tool versions', () => {
    expect(markdown).toContain('Machine: 2 × Test CPU, 8.00 GB memory');
    expect(markdown).toContain('load average 0.5 / 0.4 / 0.3 at the start and 3.5 / 1 / 0.5 at the end (1 / 5 / 15 min; **the machine was busy');
    expect(markdown).toContain('node v20.20.2 · git git version 2.39.5 · postgresql (not available)');
  });

  it('shows each ratio with both sides as median and min–max', () => {
    expect(markdown).toContain('| diff compute vs git | 100 ms (90 ms – 110 ms, 3 runs) | 200 ms (190 ms – 210 ms, 3 runs) | 0.50× | ≤ 1.0 × git | yes |');
    expect(markdown).toContain('| cold \\| pipe | 3.00 s | 2.00 s | 1.50× | ≤ 0.2 × | **no** |');
  });

  it('has the scale table per driver, the chart, the notes and the gaps', () => {
    expect(markdown).toContain('![sync time, database size and diff times as versions grow](scale.svg)');
    expect(markdown).toContain('### PGlite');
    expect(markdown).toContain('### PostgreSQL');
    expect(markdown).toMatch(/\| 100 \| 2,100 \| 110\.0 s \| 560\.0 MB \| 60\.0 MB \|/);
    expect(markdown).toContain('- npm cache warm');
    expect(markdown).toContain('## Not measured in this run\n\n- lychee: not installed');
  });
});

describe('the scale chart', () => {
  it('is well-formed SVG with one line per driver in each panel', () => {
    const svg = renderScaleChart(SCALE);
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    // sync + size: one path per driver; diffs: two per driver.
    expect(svg.match(/<path /g)).toHaveLength(2 + 2 + 4);
    expect(svg).toContain('PostgreSQL middle pair');
  });
});

describe('chart axes', () => {
  it('end at a round 1, 2 or 5 × 10^k at or above the largest value', () => {
    expect(niceCeiling(276_400)).toBe(500_000);
    expect(niceCeiling(87.8)).toBe(100);
    expect(niceCeiling(4.64)).toBe(5);
    expect(niceCeiling(1.9)).toBe(2);
    expect(niceCeiling(2)).toBe(2);
    expect(niceCeiling(0)).toBe(1);
  });
});
