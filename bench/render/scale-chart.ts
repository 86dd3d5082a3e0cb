// A small SVG chart of the scale study: three panels (sync time, database size, diff times) against
// the number of versions, one line per driver. Plain SVG text, no charting library needed for this.
import type { ScaleRun } from '../results-schema.ts';
import { formatBytes, formatMs } from './format.ts';

interface Series {
  label: string;
  color: string;
  dashed?: boolean;
  points: Array<[number, number]>;
}

interface Panel {
  title: string;
  format: (value: number) => string;
  series: Series[];
}

const WIDTH = 300;
const PLOT_HEIGHT = 132;
const MARGIN = { left: 62, right: 12, top: 30, bottom: 40 };
const LEGEND_LINE = 13;
const COLORS = { pglite: '#2563eb', postgres: '#db2777' } as const;

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The smallest 1, 2 or 5 × 10^k at or above `value`, so the axis has round ticks. */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].find((step) => step * power >= value) ?? 10) * power;
}

function panelSvg(panel: Panel, offsetX: number, xMax: number): string {
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = PLOT_HEIGHT;
  const yMax = niceCeiling(Math.max(...panel.series.flatMap((series) => series.points.map(([, y]) => y))));
  const x = (value: number) => MARGIN.left + (value / xMax) * plotW;
  const y = (value: number) => MARGIN.top + plotH - (value / yMax) * plotH;
  const parts = [`<g transform="translate(${offsetX},0)">`, `<text x="${WIDTH / 2}" y="18" text-anchor="middle" font-weight="600">${escapeXml(panel.title)}</text>`];
  for (let i = 0; i <= 4; i += 1) {
    const value = (yMax / 4) * i;
    parts.push(
      `<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y(value).toFixed(1)}" y2="${y(value).toFixed(1)}" stroke="#e5e7eb"/>`,
      `<text x="${MARGIN.left - 6}" y="${(y(value) + 4).toFixed(1)}" text-anchor="end" font-size="10">${escapeXml(panel.format(value))}</text>`,
    );
  }
  for (const tick of [0, 25, 50, 75, 100].filter((value) => value <= xMax)) {
    parts.push(`<text x="${x(tick).toFixed(1)}" y="${MARGIN.top + plotH + 14}" text-anchor="middle" font-size="10">${tick}</text>`);
  }
  parts.push(`<text x="${MARGIN.left + plotW / 2}" y="${MARGIN.top + plotH + 28}" text-anchor="middle" font-size="10">versions</text>`);
  panel.series.forEach((series, index) => {
    const path = series.points.map(([px, py], i) => `${i === 0 ? 'M' : 'L'}${x(px).toFixed(1)},${y(py).toFixed(1)}`).join(' ');
    parts.push(`<path d="${path}" fill="none" stroke="${series.color}" stroke-width="2"${series.dashed ? ' stroke-dasharray="5 3"' : ''}/>`);
    for (const [px, py] of series.points) parts.push(`<circle cx="${x(px).toFixed(1)}" cy="${y(py).toFixed(1)}" r="3" fill="${series.color}"/>`);
    const legendY = MARGIN.top + plotH + MARGIN.bottom + index * LEGEND_LINE;
    const legendX = MARGIN.left;
    parts.push(
      `<line x1="${legendX}" x2="${legendX + 14}" y1="${legendY - 3}" y2="${legendY - 3}" stroke="${series.color}" stroke-width="2"${series.dashed ? ' stroke-dasharray="5 3"' : ''}/>`,
      `<text x="${legendX + 18}" y="${legendY}" font-size="10">${escapeXml(series.label)}</text>`,
    );
  });
  parts.push('</g>');
  return parts.join('\n');
}

export function renderScaleChart(runs: ScaleRun[]): string {
  const xMax = Math.max(1, ...runs.flatMap((run) => run.points.map((point) => point.versions)));
  const name = (run: ScaleRun) => (run.driver === 'pglite' ? 'PGlite' : 'PostgreSQL');
  const panels: Panel[] = [
    {
      title: 'sync time, cumulative',
      format: formatMs,
      series: runs.map((run) => ({ label: name(run), color: COLORS[run.driver], points: run.points.map((p) => [p.versions, p.syncMs]) })),
    },
    {
      title: 'database size',
      format: formatBytes,
      series: runs.map((run) => ({ label: name(run), color: COLORS[run.driver], points: run.points.map((p) => [p.versions, p.databaseBytes]) })),
    },
    {
      title: 'diff time (cache cold)',
      format: formatMs,
      series: runs.flatMap((run) => [
        { label: `${name(run)} v1 → vN`, color: COLORS[run.driver], points: run.points.map((p): [number, number] => [p.versions, p.diffFirstToLastMs]) },
        { label: `${name(run)} middle pair`, color: COLORS[run.driver], dashed: true, points: run.points.map((p): [number, number] => [p.versions, p.diffMiddlePairMs]) },
      ]),
    },
  ];
  const body = panels.map((panel, index) => panelSvg(panel, index * WIDTH, xMax)).join('\n');
  const legendLines = Math.max(...panels.map((panel) => panel.series.length));
  const height = MARGIN.top + PLOT_HEIGHT + MARGIN.bottom + legendLines * LEGEND_LINE;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH * panels.length}" height="${height}" viewBox="0 0 ${WIDTH * panels.length} ${height}" font-family="system-ui, sans-serif" font-size="12">\n<rect width="100%" height="100%" fill="#ffffff"/>\n${body}\n</svg>\n`;
}
