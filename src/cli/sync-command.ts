import type { PackageSyncReport } from '../services/sync.ts';
import { syncAll, trackedPackageNames } from '../services/sync.ts';
import { commaList, parseCommandArgs } from './args.ts';
import { type Command, UsageError } from './command.ts';
import { progressReporter } from './progress.ts';

export function describeSync(report: PackageSyncReport): string {
  const lines: string[] = [];
  if (report.unpublished) lines.push(`${report.package}: unpublished from the registry; nothing to fetch`);
  for (const version of report.ingested) {
    lines.push(`${report.package}@${version.version}: stored ${version.files} files (${version.blobsWritten} new blobs)`);
  }
  for (const failure of report.failed) lines.push(`${report.package}@${failure.version}: FAILED ${failure.code}: ${failure.message}`);
  if (report.ingested.length === 0 && report.failed.length === 0 && !report.unpublished) {
    lines.push(`${report.package}: up to date (${report.alreadyStored} versions stored, nothing fetched or written)`);
  } else if (report.alreadyStored > 0) {
    lines.push(`${report.package}: ${report.alreadyStored} versions were already stored`);
  }
  return lines.join('\n');
}

export const syncCommand: Command = {
  name: 'sync',
  usage: 'docdelta sync [PACKAGE...] [--versions 0.1.0,0.2.0] [--offline] [--json]',
  summary: 'ingest new versions (default: DOCDELTA_PACKAGES and every tracked git package)',
  async run(args, env) {
    const { values, positionals } = parseCommandArgs(args, {
      versions: { type: 'string' },
      offline: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    });
    const versions = commaList(values.versions);
    if (versions && positionals.length !== 1) throw new UsageError('--versions needs exactly one package');
    const ctx = await env.context();
    const names = positionals.length > 0 ? positionals : await trackedPackageNames(ctx);
    const reports: PackageSyncReport[] = [];
    for (const name of names) {
      const progress = progressReporter(env.io.stderr, name);
      const [report] = await syncAll(ctx, [name], { versions, offline: values.offline, onProgress: (p) => progress.update(p) });
      progress.done();
      reports.push(report!);
      if (!values.json) env.io.stdout.write(`${describeSync(report!)}\n`);
    }
    if (values.json) env.io.stdout.write(`${JSON.stringify(reports.map((report) => ({ ...report, ingested: report.ingested.map(({ version, files, bytes, blobsWritten }) => ({ version, files, bytes, blobsWritten })) })), null, 2)}\n`);
    return reports.some((report) => report.failed.length > 0) ? 1 : 0;
  },
};
