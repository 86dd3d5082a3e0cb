// Which versions of a pair `docdelta diff` fetches before it answers: only complete npm versions that
// are not stored, spelled as the registry spells them; shortcuts and partial versions name stored ones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { versionsToFetch } from '../../src/services/catalog.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { testContext } from '../support/context.ts';
import { openTestDatabase, type TestDatabase, testDrivers } from '../support/databases.ts';
import { seedPackage } from '../support/seed.ts';

let counter = 0;
const nextName = () => `@fixture/fetch-${process.pid}-${++counter}`;
const files = { 'docs/index.mdx': '# Home\n' };

describe.each(testDrivers())('versionsToFetch on %s', (driver) => {
  let database: TestDatabase;
  let ctx: ServiceContext;
  beforeAll(async () => {
    database = await openTestDatabase(driver);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('names the missing versions of a stored npm package, as the registry spells them', async () => {
    ctx = await testContext(database);
    const name = nextName();
    await seedPackage(ctx, name, [{ version: '1.0.0', files }], { source: 'npm' });
    expect(await versionsToFetch(ctx, { package: name, from: '1.0.0', to: '1.1.0' })).toEqual({ package: name, versions: ['1.1.0'] });
    expect(await versionsToFetch(ctx, { package: name, from: 'v1.2.0-beta.1', to: '=1.3.0' })).toEqual({ package: name, versions: ['1.2.0-beta.1', '1.3.0'] });
    expect(await versionsToFetch(ctx, { package: name, from: '2.0.0', to: '2.0.0' })).toEqual({ package: name, versions: ['2.0.0'] });
  });

  it('fetches nothing for stored versions, shortcuts, partial versions or non-npm packages', async () => {
    ctx = await testContext(database);
    const name = nextName();
    await seedPackage(ctx, name, [{ version: '1.0.0', files }, { version: '1.1.0', files }], { source: 'npm' });
    expect(await versionsToFetch(ctx, { package: name, from: 'v1.0.0', to: '1.1.0' })).toBeNull();
    expect(await versionsToFetch(ctx, { package: name, from: 'previous', to: 'latest' })).toBeNull();
    expect(await versionsToFetch(ctx, { package: name, from: '1.0', to: 'latest' })).toBeNull();
    const local = nextName();
    await seedPackage(ctx, local, [{ version: '1.0.0', files }]);
    expect(await versionsToFetch(ctx, { package: local, from: '1.0.0', to: '2.0.0' })).toBeNull();
  });

  it('takes a package not stored yet as npm, and the configured one when none is named in an empty database', async () => {
    const empty = await openTestDatabase(driver);
    try {
      const solo = await testContext(empty, { DOCDELTA_PACKAGES: '@workos/mcp-docs-server' });
      expect(await versionsToFetch(solo, { from: '0.1.0', to: '0.2.0' })).toEqual({ package: '@workos/mcp-docs-server', versions: ['0.1.0', '0.2.0'] });
      expect(await versionsToFetch(solo, { package: 'left-pad', from: '1.0.0', to: '1.1.0' })).toEqual({ package: 'left-pad', versions: ['1.0.0', '1.1.0'] });
      // With nothing stored, `latest` would name the one version fetched: nothing is fetched for it.
      expect(await versionsToFetch(solo, { package: 'left-pad', from: '1.0.0', to: 'latest' })).toBeNull();
      const several = await testContext(empty, { DOCDELTA_PACKAGES: 'a,b' });
      expect(await versionsToFetch(several, { from: '1.0.0', to: '2.0.0' })).toBeNull();
      // One package stored: it is the one meant, whatever is configured; two: none is.
      const first = nextName();
      await seedPackage(several, first, [{ version: '1.0.0', files }], { source: 'npm' });
      expect(await versionsToFetch(several, { from: '1.0.0', to: '2.0.0' })).toEqual({ package: first, versions: ['2.0.0'] });
      expect(await versionsToFetch(several, { from: '1.0.0', to: 'latest' })).toBeNull();
      await seedPackage(several, nextName(), [{ version: '1.0.0', files }], { source: 'npm' });
      expect(await versionsToFetch(several, { from: '1.0.0', to: '2.0.0' })).toBeNull();
    } finally {
      await empty.close();
    }
  });
});
