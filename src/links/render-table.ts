// The human-readable report of `docdelta links`: counts first, then what moved, what was removed, and
// every broken link with its fix.
import type { BrokenLink } from './broken-link.ts';
import type { LinkReport } from './link-report.ts';
import { oneLine } from './render-netlify.ts';

export interface TableOptions {
  /** Rows per section before "… and N more" (the JSON format has everything). */
  limit: number;
}

function fixText(broken: BrokenLink): string {
  if (!broken.fix) return 'no fix found';
  const confidence = broken.fix.confidence !== null ? ` (${Math.round(broken.fix.confidence * 100)}%)` : '';
  const label = broken.fix.kind === 'candidate' || broken.fix.kind === 'similar-route' ? 'maybe' : 'use';
  return `${label} ${broken.fix.target}${confidence}${broken.fix.note ? `; ${broken.fix.note}` : ''}`;
}

function section<T>(title: string, rows: readonly T[], row: (item: T) => string, limit: number): string[] {
  if (rows.length === 0) return [];
  const lines = ['', `${title} (${rows.length})`, ...rows.slice(0, limit).map((item) => `  ${oneLine(row(item))}`)];
  if (rows.length > limit) lines.push(`  … and ${rows.length - limit} more (--format json lists all)`);
  return lines;
}

export function renderTable(report: LinkReport, options: TableOptions = { limit: 200 }): string {
  const { counts } = report;
  const moved = report.routes.filter((entry) => entry.status === 'moved');
  const removed = report.routes.filter((entry) => entry.status === 'removed');
  const lines = [
    `${report.package} ${report.from} → ${report.to}`,
    `pages: ${counts.pages.from} → ${counts.pages.to}; routes of ${report.from}: ${counts.routes.same} same, ${counts.routes.moved} moved (${counts.routes.inferred} inferred), ${counts.routes.removed} removed`,
    `links checked: ${counts.links.from.checked} in ${report.from}, ${counts.links.to.checked} in ${report.to}; broken: ${counts.internal} in ${report.to}, ${counts.upgrade} that worked in ${report.from}${counts.scan !== null ? `, ${counts.scan} in the scanned folder` : ''}`,
    ...section('Moved', moved, (entry) => `${entry.route} → ${entry.to}${entry.inferred ? '  (inferred: same name under a moved folder)' : entry.similarity !== null ? `  (renamed, ${Math.round(entry.similarity * 100)}% similar)` : ''}`, options.limit),
    ...section(
      'Removed',
      removed,
      (entry) => `${entry.route}  ${entry.candidate ? `closest: ${entry.candidate.route} (${Math.round(entry.candidate.confidence * 100)}%)` : 'no similar page'} — ${entry.reason}`,
      options.limit,
    ),
    ...section(`Broken links in ${report.to}`, report.internal, (broken) => `${broken.file}:${broken.line}  ${broken.target}  ${broken.reason}; ${fixText(broken)}`, options.limit),
    ...section(
      `Worked in ${report.from}, broken in ${report.to}`,
      report.upgrade,
      (broken) => `${broken.target}  ${broken.reason}; ${fixText(broken)}  (linked from ${broken.file}:${broken.line}${broken.alsoAt > 0 ? ` and ${broken.alsoAt} more` : ''})`,
      options.limit,
    ),
  ];
  if (report.scan) {
    const { stats } = report.scan;
    lines.push('', `Scanned ${report.scan.dir}: ${stats.files} files, ${report.scan.hits.length} docs links, ${counts.scan} break in ${report.to}${stats.truncated ? ' (file limit reached)' : ''}`);
    lines.push(...section('Broken in the scanned folder', report.broken, (broken) => `${broken.file}:${broken.line}  ${broken.target}  ${broken.reason}; ${fixText(broken)}`, options.limit).slice(1));
  }
  return `${lines.join('\n')}\n`;
}
