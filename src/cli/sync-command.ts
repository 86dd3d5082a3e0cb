import { describeJob, exitCodeForJob } from '../services/jobs/index.ts';
import { ListingsAhead } from '../services/listings-ahead.ts';
import { type PackageSyncReport, runSync } from '../services/sync.ts';
import { commaList, parseCommandArgs } from './args.ts';
import { type Command, isInputErrorCode, UsageError } from './command.ts';
import { syncProgress } from './progress.ts';
import { commandInfo } from './commands.ts';
import { keepYoungGenerationSmall } from './one-shot-heap.ts';

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
  ...commandInfo('sync'),
  async run(args, env) {
    keepYoungGenerationSmall();
    const { values, positionals } = parseCommandArgs(args, {
      versions: { type: 'string' },
      offline: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    });
    const versions = commaList(values.versions);
    if (versions && positionals.length !== 1) throw new UsageError('--versions needs exactly one package');
    // Asked for while the database opens (and, when it is being created, the first version fetched
    // and read): waits on other processes.
    const ahead = values.offline ? undefined : new ListingsAhead(env.config, positionals.length > 0 ? positionals : env.config.packages, { versions, readFirstVersion: env.newDatabase === true });
    try {
      const ctx = await env.context();
      ahead?.databaseOpen();
      let refusedInput = false;
      const progress = syncProgress(env.io.stderr, (event) => {
        // A package refused as input (no such version, a name the registry lacks) exits 2, as usage errors do.
        if (isInputErrorCode(event.code)) refusedInput = true;
        // A package that could not sync at all is an error, on stderr; the reports are the output.
        if (event.error) env.io.stderr.write(`docdelta sync: ${event.package}: ${event.error}\n`);
        else if (!values.json) env.io.stdout.write(`${describeSync(event.report!)}\n`);
      });
      const run = await runSync(ctx, {
        packages: positionals.length > 0 ? positionals : undefined,
        versions,
        offline: values.offline,
        listingsAhead: ahead,
        trigger: 'cli',
        onProgress: progress.onProgress,
        onPackage: progress.onPackage,
      });
      if (run.status === 'skipped') {
        env.io.stderr.write(`docdelta sync: ${describeJob(run)}\n`);
        return 1;
      }
      if (values.json) {
        const reports = run.details?.reports ?? [];
        env.io.stdout.write(`${JSON.stringify(reports.map((report) => ({ ...report, ingested: report.ingested.map(({ version, files, bytes, blobsWritten }) => ({ version, files, bytes, blobsWritten })) })), null, 2)}\n`);
      }
      return refusedInput ? 2 : exitCodeForJob(run);
    } finally {
      ahead?.cancel();
    }
  },
};
