// Timings for the "Measured" section (not a test): the link check of the real 0.1.0 → 0.2.0
// pair, and `--scan` of a synthetic 10,000-file app. Run with
//   node bin/run-ts.js test/links/support/link-bench.ts [--data-dir DIR]
// DIR: an embedded database that already holds both versions; without it they are synced into a
// temporary one from the registry first (not timed).
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../../src/config.ts';
import { checkLinks } from '../../../src/services/links.ts';
import { clearVersionDocsCache } from '../../../src/services/version-docs.ts';
import { findAppLinks } from '../../../src/links/app-scan.ts';
import { walkApp } from '../../../src/links/app-scan.ts';
import { silentLogger } from '../../../src/logger.ts';
import { createAppContext } from '../../../src/services/app-context.ts';
import { syncPackage } from '../../../src/services/sync.ts';
import { tempDir } from '../../support/context.ts';
import { writeSyntheticApp } from './synthetic-app.ts';

const NAME = '@workos/mcp-docs-server';
const BASE_URL = 'https://workos.com/docs';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const time = async <T>(work: () => Promise<T>): Promise<[number, T]> => {
  const start = performance.now();
  const result = await work();
  return [performance.now() - start, result];
};

const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, files: { type: 'string', default: '10000' }, runs: { type: 'string', default: '5' } } });
const dataDir = values['data-dir'] ?? (await tempDir('docdelta-link-bench-'));
const config = loadConfig({ ...process.env, DATABASE_URL: '', DOCDELTA_SERVER_IDLE_SECONDS: '0', DOCDELTA_DATA_DIR: dataDir, DOCDELTA_SNAPSHOTS_DIR: path.join(os.tmpdir(), 'docdelta-link-bench-snapshots') });
const ctx = await createAppContext(config, { logger: silentLogger });
try {
  if (!values['data-dir']) await syncPackage(ctx, NAME, { versions: ['0.1.0', '0.2.0'] });
  const runs = Number(values.runs);
  const cold: number[] = [];
  const warm: number[] = [];
  let links = 0;
  for (let run = 0; run < runs; run++) {
    clearVersionDocsCache();
    const [coldMs, report] = await time(() => checkLinks(ctx, { package: NAME, from: '0.1.0', to: '0.2.0' }));
    cold.push(coldMs);
    links = report.counts.links.from.total + report.counts.links.to.total;
    warm.push((await time(() => checkLinks(ctx, { package: NAME, from: '0.1.0', to: '0.2.0' })))[0]);
  }
  process.stdout.write(`link check 0.1.0 -> 0.2.0 (${links} links): cold median ${median(cold).toFixed(0)} ms [${cold.map((ms) => ms.toFixed(0)).join(', ')}], warm median ${median(warm).toFixed(0)} ms\n`);

  const report = await checkLinks(ctx, { package: NAME, from: '0.1.0', to: '0.2.0' });
  const routes = report.routes.map((entry) => entry.route);
  const appDir = await tempDir('docdelta-link-bench-app-');
  const count = Number(values.files);
  const bytes = await writeSyntheticApp(appDir, count, routes, BASE_URL);
  const segments = new Set(routes.map((route) => route.split('/')[1] ?? '').filter(Boolean));
  const walks: number[] = [];
  const scans: number[] = [];
  let found = 0;
  for (let run = 0; run < runs; run++) {
    walks.push(
      (
        await time(async () => {
          found = 0;
          await walkApp(appDir, (file) => {
            found += findAppLinks(file.text, { baseUrl: BASE_URL, docsSegments: segments }).length;
          });
        })
      )[0],
    );
    scans.push((await time(() => checkLinks(ctx, { package: NAME, from: '0.1.0', to: '0.2.0', scanDir: appDir, baseUrl: BASE_URL })))[0]);
  }
  const walkMs = median(walks);
  process.stdout.write(
    `scan of ${count} files (${(bytes / 1e6).toFixed(1)} MB, ${found} docs links): walk+extract median ${walkMs.toFixed(0)} ms = ${Math.round(count / (walkMs / 1000))} files/s; whole \`links --scan\` median ${median(scans).toFixed(0)} ms = ${Math.round(count / (median(scans) / 1000))} files/s\n`,
  );
} finally {
  await ctx.database.close();
}
