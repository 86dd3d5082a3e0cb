import { runDigest } from '../digest/run-digest.ts';
import { describeJob, exitCodeForJob } from '../services/jobs/index.ts';
import { parseCommandArgs } from './args.ts';
import type { Command } from './command.ts';
import { commandInfo } from './commands.ts';

export const digestCommand: Command = {
  ...commandInfo('digest'),
  async run(args, env) {
    const { values, positionals } = parseCommandArgs(args, {
      'dry-run': { type: 'boolean', default: false },
      package: { type: 'string', multiple: true },
      json: { type: 'boolean', default: false },
    });
    const packages = [...(values.package ?? []), ...positionals];
    const ctx = await env.context();
    const summary = await runDigest(ctx, {
      dryRun: values['dry-run'],
      trigger: 'cli',
      packages: packages.length > 0 ? packages : undefined,
    });
    const digests = summary.details?.digests ?? [];
    if (values['dry-run']) {
      // Exactly what would be POSTed, one entry per package that has something to announce.
      const planned = digests
        .filter((digest) => digest.status === 'planned')
        .map(({ package: name, from, to, releases, message }) => ({ package: name, from, to, releases, payload: message }));
      env.io.stdout.write(`${JSON.stringify(planned, null, 2)}\n`);
      for (const quiet of digests.filter((digest) => digest.status === 'quiet')) {
        env.io.stderr.write(`${quiet.package}: nothing to announce (${quiet.reason})\n`);
      }
      return 0;
    }
    if (values.json) {
      env.io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    } else {
      for (const digest of digests) {
        const range = digest.from ? ` ${digest.from} → ${digest.to}` : '';
        const why = digest.reason ? `: ${digest.reason}` : '';
        env.io.stdout.write(`${digest.package}${range}: ${digest.status}${why}\n`);
      }
      env.io.stdout.write(`${describeJob(summary)}\n`);
    }
    return exitCodeForJob(summary);
  },
};
