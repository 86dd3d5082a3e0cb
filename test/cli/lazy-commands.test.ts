// `docdelta --help` and the commands that need no server load only what they use: the command
// table holds each command behind a dynamic import, and the database opens on first use.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/context.ts';

const run = promisify(execFile);
const BIN = path.resolve('bin/docdelta.js');
const TRACER = path.resolve('test/cli/fixtures/trace-imports.mjs');
const HEAVY = {
  express: '/node_modules/express/',
  mcp: '/node_modules/@modelcontextprotocol/',
  pglite: '/node_modules/@electric-sql/pglite/',
  postgres: '/node_modules/postgres/',
  // The page parsers: only a cold diff or a reader of pages needs them.
  'gray-matter': '/node_modules/gray-matter/',
};

const DIST = path.resolve('dist');

/**
 * The loaded URLs, with each bundled file of dist/ standing for the packages bundled into it
 * (dist/chunks.json, written by the build), so the check holds for the sources and the bundle alike.
 */
async function withBundledPackages(urls: string): Promise<string> {
  if (!urls.includes('/dist/')) return urls;
  const manifest = JSON.parse(await fs.readFile(path.join(DIST, 'chunks.json'), 'utf8')) as Record<string, string[]>;
  const expanded = urls.split('\n').flatMap((url) => {
    const file = url.startsWith('file:') ? path.relative(DIST, new URL(url).pathname) : '';
    return [url, ...(manifest[file] ?? []).map((name) => `/node_modules/${name}/`)];
  });
  return expanded.join('\n');
}

/** Runs the CLI with the import tracer and returns the libraries (of HEAVY) it loaded, and its exit code. */
async function loadedBy(args: string[]): Promise<{ code: number; loaded: string[] }> {
  const dir = await tempDir('docdelta-lazy-');
  const trace = path.join(dir, 'trace.txt');
  let code = 0;
  try {
    await run(process.execPath, ['--import', TRACER, BIN, ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DOCDELTA_SERVER_IDLE_SECONDS: '0', DOCDELTA_DATA_DIR: path.join(dir, 'data'), DOCDELTA_TRACE_FILE: trace },
      timeout: 60_000,
    });
  } catch (error) {
    code = (error as { code: number }).code;
  }
  const urls = await withBundledPackages(await fs.readFile(trace, 'utf8').catch(() => ''));
  await fs.rm(dir, { recursive: true, force: true });
  return { code, loaded: Object.entries(HEAVY).filter(([, marker]) => urls.includes(marker)).map(([name]) => name) };
}

describe('the CLI loads lazily', () => {
  it('prints help without loading express, the MCP SDK or a database driver', async () => {
    expect(await loadedBy(['--help'])).toEqual({ code: 0, loaded: [] });
    expect(await loadedBy(['serve', '--help'])).toEqual({ code: 0, loaded: [] });
  }, 120_000);

  it('loads the embedded database for a command that reads data, and still no server', async () => {
    // Also shows the tracer sees dynamic imports: the driver is only ever imported dynamically.
    // The embedded database is a PostgreSQL server reached through postgres.js; PGlite stays unloaded.
    expect(await loadedBy(['versions'])).toEqual({ code: 2, loaded: ['postgres'] });
  }, 120_000);

  it('loads no page parser for a diff that does not compute (a cached diff, or one refused)', async () => {
    expect(await loadedBy(['diff', '1.0.0', '2.0.0', '--offline'])).toEqual({ code: 2, loaded: ['postgres'] });
  }, 120_000);
});
