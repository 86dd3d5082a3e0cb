// Git's conventions, as a user meets them: one rule for exit codes in every command (0 ok, 1
// failure or findings, 2 wrong input), messages that name the mistake and suggest the fix, help
// that fits 80 columns, colour on a terminal only, and the pager. Real processes throughout; the
// terminal is a real pseudo-terminal (util-linux `script`).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELP } from '../../src/cli/help.ts';
import { openDatabase } from '../../src/store/database.ts';
import { tableCounts } from '../../src/store/package-removal.ts';
import { tempDir, testContext } from '../support/context.ts';
import { startFakeRegistry, type FakeRegistry } from '../support/fake-registry.ts';
import { seedFixture } from '../support/seed.ts';
import { packageTgz, sri } from '../support/tarballs.ts';
import { ANSI_ESCAPE, inPipe, onTerminal, type CliResult } from './pty.ts';

let dataDir = '';
let registry: FakeRegistry;
let baseEnv: Record<string, string> = {};

const run = (args: string[], env: Record<string, string> = {}) => inPipe(args, { ...baseEnv, ...env });
const tty = (args: string[], env: Record<string, string> = {}, input = '') => onTerminal(args, { ...baseEnv, TERM: 'xterm', ...env }, input);

async function tables() {
  const database = await openDatabase({ dataDir });
  try {
    return await tableCounts(database.db);
  } finally {
    await database.close();
  }
}

function expectExit(result: CliResult, code: number, stderr?: RegExp) {
  expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(code);
  if (stderr) expect(result.stderr).toMatch(stderr);
  // Never Node's raw text or a stack trace for a mistake of the user's.
  if (code === 2) expect(result.stderr).not.toMatch(/ERR_PARSE_ARGS|To specify a positional argument|\n\s+at /);
}

beforeAll(async () => {
  dataDir = await tempDir('docdelta-conventions-');
  registry = await startFakeRegistry();
  const good = packageTgz({ 'package.json': '{"name":"good-docs","version":"1.0.0"}', 'docs/a.md': '# A\n' });
  registry.setPackage({ name: 'good-docs', versions: [{ version: '1.0.0', tarball: good, integrity: sri(good) }] });
  const bad = packageTgz({ 'package.json': '{"name":"tampered-docs","version":"1.0.0"}' });
  registry.setPackage({ name: 'tampered-docs', versions: [{ version: '1.0.0', tarball: bad, integrity: sri(good) }] });
  const next = packageTgz({ 'package.json': '{"name":"good-docs","version":"1.1.0"}', 'docs/a.md': '# A\n\nMore.\n' });
  registry.setPackage({ name: 'two-docs', versions: [{ version: '1.0.0', tarball: good, integrity: sri(good) }, { version: '1.1.0', tarball: next, integrity: sri(next) }] });
  baseEnv = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    DOCDELTA_SERVER_IDLE_SECONDS: '0',
    DOCDELTA_DATA_DIR: dataDir,
    NPM_REGISTRY: registry.url,
    DOCDELTA_PACKAGES: '@fixture/docs',
    DOCDELTA_SNAPSHOTS_DIR: path.join(dataDir, 'snapshots'),
  };
  const database = await openDatabase({ dataDir });
  await seedFixture(await testContext(database), '@fixture/docs');
  await database.close();
}, 120_000);
afterAll(async () => {
  await registry?.close();
});

describe('help', () => {
  it('lists every command within 80 columns, and each command explains every flag with an example', async () => {
    const overview = await run(['--help']);
    expectExit(overview, 0);
    for (const entry of HELP) expect(overview.stdout).toContain(`  ${entry.name}`);
    expect(Math.max(...overview.stdout.split('\n').map((line) => line.length))).toBeLessThanOrEqual(80);
    const diff = await run(['diff', '--help']);
    expectExit(diff, 0);
    for (const flag of ['--package', '--path', '--format', '--ignore-all-space', '--find-renames', '--offline', '--no-color', '--no-pager']) expect(diff.stdout).toContain(flag);
    expect(diff.stdout).toMatch(/Examples?:\n {2}docdelta diff /);
    expect(Math.max(...diff.stdout.split('\n').map((line) => line.length))).toBeLessThanOrEqual(80);
  });

  it('suggests the command meant, and says how to list them', async () => {
    const result = await run(['dif', '1.0.0', '2.0.0']);
    expectExit(result, 2, /unknown command "dif"; did you mean "diff"\?/);
    expect(result.stdout).toBe('');
    expectExit(await run(['frobnicate']), 2, /docdelta --help/);
  });
});

describe('exit codes, command by command', () => {
  it('sync: 0 when stored, 1 when a version fails, 2 for a name the registry lacks (and nothing stored)', async () => {
    const before = await tables();
    const typo = await run(['sync', '@fixture/docss']);
    expectExit(typo, 2, /nothing was stored; did you mean "@fixture\/docs"\?/);
    expect(await tables()).toEqual(before);
    expectExit(await run(['sync', 'good-docs']), 0);
    const tampered = await run(['sync', 'tampered-docs']);
    expectExit(tampered, 1);
    expect(tampered.stdout).toMatch(/tampered-docs@1\.0\.0: FAILED INTEGRITY/);
    // A real package whose only version failed stays tracked, to be retried; this test removes it.
    expectExit(await run(['untrack', 'tampered-docs', '--yes']), 0);
    expectExit(await run(['sync', '--version', '1.0.0']), 2, /unknown flag --version; did you mean "--versions"\?/);
  });

  it('track: 0 for a name the registry has, 2 for one it lacks or a source it does not know', async () => {
    const before = await tables();
    expectExit(await run(['track', 'npm', 'no-such-docs']), 2, /no package "no-such-docs"; nothing was stored/);
    expectExit(await run(['track', 'ftp', 'x']), 2, /npm, git or local/);
    expect(await tables()).toEqual(before);
    const tracked = await run(['track', 'npm', 'good-docs']);
    expectExit(tracked, 0);
  });

  it('packages: 0 with source, versions and last sync; 2 for an argument it does not take', async () => {
    const result = await run(['packages']);
    expectExit(result, 0);
    expect(result.stdout).toMatch(/^PACKAGE\s+SOURCE\s+VERSIONS\s+LATEST\s+LAST SYNC$/m);
    expect(result.stdout).toMatch(/^good-docs\s+npm\s+1\s+1\.0\.0\s+(just now|\d+ min ago)$/m);
    expectExit(await run(['packages', 'extra']), 2);
  });

  it('untrack: 2 without --yes in a script (nothing removed), 0 with it, 2 for a name not tracked', async () => {
    const before = await tables();
    expectExit(await run(['untrack', 'good-docs']), 2, /would remove 1 version.*\n.*--yes/);
    expect(await tables()).toEqual(before);
    const done = await run(['untrack', 'good-docs', '--yes']);
    expectExit(done, 0);
    expect(done.stdout).toMatch(/untracked good-docs: removed 1 version/);
    expect((await tables()).blobs).toBeLessThan(before.blobs);
    expectExit(await run(['untrack', 'good-docss', '--yes']), 2, /not tracked/);
  });

  it('versions: 0, and 2 for an unknown package with the near name', async () => {
    expectExit(await run(['versions']), 0);
    expectExit(await run(['versions', '--package', '@fixture/doc']), 2, /did you mean "@fixture\/docs"\?/);
  });

  it('diff: 0, 2 for an unknown version (with what was meant), v-prefixed versions understood', async () => {
    expectExit(await run(['diff', '1.0.0', '2.0.0']), 0);
    expectExit(await run(['diff', 'v1.0.0', 'v2.0.0', '--format', 'name-status']), 0);
    expectExit(await run(['diff', '1.0.0', '2.0']), 2, /no stored version "2\.0"; did you mean "2\.0\.0"\?/);
    expectExit(await run(['diff', '1.0.0', '2.0.0', '--fromat', 'json']), 2, /unknown flag --fromat; did you mean "--format"\?/);
    expectExit(await run(['diff', '1.0.0', '2.0.0', '--format', 'nunstat']), 2, /did you mean "numstat"\?/);
    expectExit(await run(['diff', '1.0.0']), 2, /expected two versions/);
  });

  it('diff of versions not stored: 2 for a package the registry lacks (nothing stored), 1 when a fetched version fails', async () => {
    const before = await tables();
    expectExit(await run(['diff', '1.0.0', '2.0.0', '--package', '@fixture/docss']), 2, /nothing was stored; did you mean "@fixture\/docs"\?/);
    expect(await tables()).toEqual(before);
    const tampered = await run(['diff', '1.0.0', '1.0.0', '--package', 'tampered-docs']);
    expectExit(tampered, 1, /docdelta diff: tampered-docs@1\.0\.0: tarball sha512 does not match the registry/);
    expect(tampered.stdout).toBe('');
    expectExit(await run(['untrack', 'tampered-docs', '--yes']), 0);
    // A stored package: only the version it lacks is fetched.
    expectExit(await run(['sync', 'two-docs', '--versions', '1.0.0']), 0);
    const one = await run(['diff', '1.0.0', '1.1.0', '--package', 'two-docs', '--format', 'numstat']);
    expectExit(one, 0);
    expect(one.stdout).toBe('2\t0\tdocs/a.md\n1\t1\tpackage.json\n');
    expect(one.stderr).toContain('two-docs@1.1.0: fetch…');
    expect(one.stderr).not.toContain('two-docs@1.0.0: fetch…');
    expectExit(await run(['untrack', 'two-docs', '--yes']), 0);
  });

  it('history: 0 for a page (from the docs root too), 2 for a path no version has', async () => {
    const result = await run(['history', 'authkit/users.mdx']);
    expectExit(result, 0);
    expect(result.stdout).toMatch(/renamed/);
    expectExit(await run(['history', 'authkit/user.mdx']), 2, /in no stored version.*did you mean/);
  });

  it('links: 1 when links break, 2 for an unknown version', async () => {
    expectExit(await run(['links', '1.0.0', '2.0.0', '--format', 'json']), 1);
    expectExit(await run(['links', '1.0.0', '9.0.0']), 2, /no stored version/);
  });

  it('changelog: 0, and 2 for a limit out of range', async () => {
    expectExit(await run(['changelog']), 0);
    expectExit(await run(['changelog', '--limit', '0']), 2, /--limit/);
  });

  it('digest: 0 for a dry run, 2 for a flag it does not take', async () => {
    expectExit(await run(['digest', '--dry-run']), 0);
    expectExit(await run(['digest', '--dryrun']), 2, /did you mean "--dry-run"\?/);
  });

  it('serve and mcp: 2 for bad arguments before anything starts', async () => {
    expectExit(await run(['serve', '--port', 'eighty']), 2, /--port/);
    expectExit(await run(['mcp', 'extra']), 2);
  });
});

describe('paths', () => {
  it('reads --path from the docs root or as a route, and warns with the closest paths when nothing matches', async () => {
    const fromDocsRoot = await run(['diff', '1.0.0', '2.0.0', '--path', 'authkit/', '--format', 'name-status']);
    expectExit(fromDocsRoot, 0);
    expect(fromDocsRoot.stdout.trimEnd().split('\n').every((line) => line.includes('/authkit/'))).toBe(true);
    const route = await run(['diff', '1.0.0', '2.0.0', '--path', '/sso', '--format', 'name-status']);
    expect(route.stdout).toBe('M\t.docs/organized/docs/sso.mdx\n');
    const miss = await run(['diff', '1.0.0', '2.0.0', '--path', 'authkt/']);
    expectExit(miss, 0, /warning: --path "authkt\/" matches no file.*closest: \.docs\/organized\/docs\/authkit/);
    expect(miss.stdout).toMatch(/0 files changed/);
  });
});

describe('colour and pager', () => {
  it('colours a terminal, not a pipe; NO_COLOR and --no-color turn it off, --color forces it', async () => {
    const onTty = await tty(['diff', '1.0.0', '2.0.0', '--no-pager']);
    expect(onTty.code).toBe(0);
    expect(onTty.stdout).toMatch(/\x1b\[32m\+/);
    expect(onTty.stdout).toMatch(/\x1b\[31m-/);
    expect(onTty.stdout).toMatch(/\x1b\[36mR/);
    const piped = await run(['diff', '1.0.0', '2.0.0']);
    expect(piped.stdout).not.toMatch(ANSI_ESCAPE);
    expect((await tty(['diff', '1.0.0', '2.0.0', '--no-pager'], { NO_COLOR: '1' })).stdout).not.toMatch(ANSI_ESCAPE);
    expect((await tty(['diff', '1.0.0', '2.0.0', '--no-pager', '--no-color'])).stdout).not.toMatch(ANSI_ESCAPE);
    expect((await run(['diff', '1.0.0', '2.0.0', '--color'])).stdout).toMatch(ANSI_ESCAPE);
    expect((await run(['diff', '1.0.0', '2.0.0', '--format', 'patch', '--color'])).stdout).toMatch(/\x1b\[32m\+/);
  });

  it('pages on a terminal through $DOCDELTA_PAGER, never with --no-pager or in a pipe', async () => {
    const dir = await tempDir('docdelta-pager-');
    const paged = path.join(dir, 'paged.txt');
    const pager = `cat > '${paged}'`;
    const result = await tty(['diff', '1.0.0', '2.0.0'], { DOCDELTA_PAGER: pager, PAGER: 'false' });
    expect(result.code).toBe(0);
    expect(readFileSync(paged, 'utf8')).toMatch(/files changed/);
    const plain = path.join(dir, 'plain.txt');
    await tty(['diff', '1.0.0', '2.0.0', '--no-pager'], { DOCDELTA_PAGER: `cat > '${plain}'` });
    await run(['diff', '1.0.0', '2.0.0'], { DOCDELTA_PAGER: `cat > '${plain}'` });
    expect(existsSync(plain)).toBe(false);
  });

  it('asks before untracking on a terminal, and a yes removes the package', async () => {
    const result = await tty(['untrack', '@fixture/docs'], {}, 'y\n');
    expect(result.stdout).toMatch(/would remove 2 version/);
    expect(result.stdout).toMatch(/Untrack @fixture\/docs\? \[y\/N\]/);
    expect(result.stdout).toMatch(/untracked @fixture\/docs/);
    expect(result.code).toBe(0);
  });
});
