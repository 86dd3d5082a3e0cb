// What the browser tests serve: the standard fixture (1.0.0 → 2.0.0: the user-management → authkit
// move) plus a 3.0.0 whose edits exercise the viewer — a page edited under its new name, a change
// that is only a no-break space, a whitespace-only edit, a very long line, a JSON frontmatter value
// with one word changed deep inside — served with every route `docdelta serve` mounts.
import { changelogRoute } from '../../src/api/routes/changelog-route.ts';
import { jobsRoute } from '../../src/api/routes/jobs-route.ts';
import { linksRoute } from '../../src/api/routes/links-route.ts';
import type { Browser } from 'playwright-core';
import type { ServiceContext } from '../../src/services/context.ts';
import { startTestServer, type TestServer } from '../api/harness.ts';
import { launchChromium } from '../support/browser.ts';
import { testContext } from '../support/context.ts';
import { openTestDatabase, type TestDatabase } from '../support/databases.ts';
import { FIXTURE_V1, FIXTURE_V2, seedPackage } from '../support/seed.ts';

export const PACKAGE = '@fixture/docs';
const ROOT = '.docs/organized/docs';

const longLine = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
const tags = (changed: string) => JSON.stringify(Array.from({ length: 30 }, (_, i) => (i === 21 ? changed : `tag-${i}`)));

const V2_EXTRA: Record<string, string> = {
  [`${ROOT}/reference.mdx`]: `---\ntitle: Reference\ntags: ${tags('tag-21')}\n---\n\n# Reference\n\nShort line.\n${longLine}\n\n${Array.from({ length: 60 }, (_, i) => `Reference line ${i + 1}.`).join('\n')}\n`,
};

export const FIXTURE_V3: Record<string, string> = {
  ...FIXTURE_V2,
  ...V2_EXTRA,
  // Edited under its new name: the history lists 3.0.0 as authkit/users.mdx and 1.0.0 as user-management/users.mdx.
  [`${ROOT}/authkit/users.mdx`]: FIXTURE_V2[`${ROOT}/authkit/users.mdx`]!.replace('## Create a user', '## Create or invite a user'),
  // Only a no-break space differs.
  [`${ROOT}/sso.mdx`]: FIXTURE_V2[`${ROOT}/sso.mdx`]!.replace('A new setup step.', 'A new\u00a0setup step.'),
  // Only indentation and trailing spaces differ.
  [`${ROOT}/glossary.mdx`]: FIXTURE_V2[`${ROOT}/glossary.mdx`]!.replace('The assertion consumer service URL.', '  The assertion consumer service URL.   '),
  // One JSON frontmatter value, one word deep inside; a long line grows; two far-apart edits.
  [`${ROOT}/reference.mdx`]: V2_EXTRA[`${ROOT}/reference.mdx`]!
    .replace(tags('tag-21'), tags('tag-twenty-one'))
    .replace(longLine, `${longLine} and then some more words at the very end`)
    .replace('Reference line 55.', 'Reference line fifty-five.'),
};

export async function seedWebFixture(ctx: ServiceContext): Promise<void> {
  await seedPackage(ctx, PACKAGE, [
    { version: '1.0.0', files: FIXTURE_V1 },
    { version: '2.0.0', files: { ...FIXTURE_V2, ...V2_EXTRA } },
    { version: '3.0.0', files: FIXTURE_V3 },
  ]);
}

export function startWebServer(ctx: ServiceContext, port = 0): Promise<TestServer> {
  return startTestServer(ctx, { routes: [linksRoute, changelogRoute, jobsRoute] }, { port });
}

/** What a browser test file runs against: a database, its service context, a server and a Chromium. */
export interface WebSession {
  database: TestDatabase;
  ctx: ServiceContext;
  server: TestServer;
  browser: Browser;
  /** Closes the browser, then the server, then the database. */
  close(): Promise<void>;
}

export interface WebSessionOptions {
  /** Extra environment for the service context (API token, tracked packages). */
  env?: Record<string, string>;
  /** Fills the database before the server starts. */
  seed?: (ctx: ServiceContext) => Promise<void>;
  /** Starts the server; every route `docdelta serve` mounts unless told otherwise. */
  serve?: (ctx: ServiceContext) => Promise<TestServer>;
}

/**
 * Opens what a browser test file needs, in order. Should a step fail, what was already opened is
 * closed before the error is passed on, since the test file never receives a session to close.
 */
export async function openWebSession(options: WebSessionOptions = {}): Promise<WebSession> {
  const closers: Array<() => Promise<void>> = [];
  const close = async () => {
    while (closers.length > 0) await closers.pop()!();
  };
  try {
    const database = await openTestDatabase('pglite');
    closers.push(() => database.close());
    const ctx = await testContext(database, options.env);
    await options.seed?.(ctx);
    const server = await (options.serve ?? startWebServer)(ctx);
    closers.push(() => server.close());
    const browser = await launchChromium();
    closers.push(() => browser.close());
    return { database, ctx, server, browser, close };
  } catch (error) {
    await close();
    throw error;
  }
}
