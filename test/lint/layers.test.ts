// The layer rule of eslint.config.js, run through ESLint itself on snippets placed in each folder:
// a deliberate violation fails with the rule's message, the allowed direction passes.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
// Only the layer rule runs: the other rules are npm run lint's business, and skipping them keeps this fast.
const eslint = new ESLint({ cwd: root, ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports' });

async function problems(file: string, code: string): Promise<{ ruleId: string | null; severity: number; message: string }[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((message) => message.ruleId === 'no-restricted-imports');
}

describe('the layer rule', () => {
  it.each([
    ['src/api/routes/violation.ts', "import { findPackage } from '../../store/packages.ts';\nexport const x = findPackage;\n"],
    ['src/mcp/violation.ts', "import type { Db } from '../store/database.ts';\nexport type X = Db;\n"],
    ['src/digest/violation.ts', "export { jobRuns } from '../store/schema/index.ts';\n"],
    ['src/scheduler/violation.ts', "import { listJobRuns } from '../store/job-runs.ts';\nexport const x = listJobRuns;\n"],
    ['src/cli.ts', "import { openDatabase } from './store/database.ts';\nexport const x = openDatabase;\n"],
    ['jobs/violation.ts', "import { openDatabase } from '../src/store/database.ts';\nexport const x = openDatabase;\n"],
  ])('refuses a consumer importing store/ (%s)', async (file, code) => {
    const found = await problems(file, code);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 2, message: expect.stringContaining('consumers go through services/') });
  });

  it.each([
    ['src/store/violation.ts', "import { listVersions } from '../services/catalog.ts';\nexport const x = listVersions;\n", /below services/],
    ['src/source/git/violation.ts', "import { findPackage } from '../../store/packages.ts';\nexport const x = findPackage;\n", /only services import store/],
    ['src/source/git/violation2.ts', "import type { ServiceContext } from '../../services/context.ts';\nexport type X = ServiceContext;\n", /below services/],
    ['src/diff/violation.ts', "import { NpmSource } from '../source/npm/npm-source.ts';\nexport const x = NpmSource;\n", /pure/],
    ['src/normalize/violation.ts', "import { createApp } from '../api/app.ts';\nexport const x = createApp;\n", /consumers sit on top/],
    ['src/services/violation.ts', "import { createApp } from '../api/app.ts';\nexport const x = createApp;\n", /consumers sit on top/],
  ])('refuses a lower layer importing one above it (%s)', async (file, code, message) => {
    const found = await problems(file, code);
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe(2);
    expect(found[0]!.message).toMatch(message);
  });

  it('lets each layer import the ones below it', async () => {
    expect(await problems('src/api/ok.ts', "import { listVersions } from '../services/catalog.ts';\nexport const x = listVersions;\n")).toEqual([]);
    expect(await problems('src/services/ok.ts', "import { findPackage } from '../store/packages.ts';\nexport const x = findPackage;\n")).toEqual([]);
    expect(await problems('src/store/ok.ts', "import { compareVersions } from '../source/version-order.ts';\nexport const x = compareVersions;\n")).toEqual([]);
  });

  it('holds for the code as it is: no consumer imports store/, no data layer imports upward', async () => {
    const results = await eslint.lintFiles(['src/api', 'src/mcp', 'src/digest', 'src/changelog', 'src/cli', 'src/cli.ts', 'src/scheduler', 'jobs', 'src/services', 'src/store', 'src/source', 'src/normalize', 'src/diff']);
    const errors = results.flatMap((result) =>
      result.messages.filter((message) => message.ruleId === 'no-restricted-imports').map((message) => `${path.relative(root, result.filePath)}: ${message.message}`),
    );
    expect(errors).toEqual([]);
  }, 120_000);
});
