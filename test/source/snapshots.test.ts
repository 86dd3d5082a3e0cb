// The snapshot folder's tarballs: untrack deletes a package's `.tgz` files and nothing else — not the
// git clones that share `git/` with an npm package named "git" — and no name reaches outside.
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SnapshotStore } from '../../src/source/snapshots.ts';
import { tempDir } from '../support/context.ts';

describe('snapshot store', () => {
  it('removes a package’s tarballs and its folder, and says how many and how big', async () => {
    const root = await tempDir('docdelta-snapshots-');
    const store = new SnapshotStore(root);
    await store.write('@scope/docs', '1.0.0', new Uint8Array(10));
    await store.write('@scope/docs', '2.0.0', new Uint8Array(32));
    await store.write('other', '1.0.0', new Uint8Array(5));
    expect(await store.usage('@scope/docs')).toEqual({ tarballs: 2, tarballBytes: 42 });
    expect(await store.removePackage('@scope/docs')).toEqual({ tarballs: 2, tarballBytes: 42 });
    expect(await fs.readdir(root)).toEqual(['other']);
    expect(await store.listVersions('other')).toEqual(['1.0.0']);
  });

  it('leaves the git clones when an npm package named "git" goes', async () => {
    const root = await tempDir('docdelta-snapshots-');
    const store = new SnapshotStore(root);
    await store.write('git', '1.0.0', new Uint8Array(3));
    const clone = path.join(root, 'git', 'github.com_owner_repo', 'HEAD');
    await fs.mkdir(path.dirname(clone), { recursive: true });
    await fs.writeFile(clone, 'ref: refs/heads/main\n');
    expect(await store.removePackage('git')).toEqual({ tarballs: 1, tarballBytes: 3 });
    expect(await fs.readFile(clone, 'utf8')).toBe('ref: refs/heads/main\n');
    expect(await store.listVersions('git')).toEqual([]);
  });

  it('refuses a name that would reach outside its folder', async () => {
    const store = new SnapshotStore(await tempDir('docdelta-snapshots-'));
    for (const name of ['..', '.', '../elsewhere', 'a/b/c', '@scope/../../../x']) {
      await expect(store.removePackage(name)).rejects.toThrow(/does not name a folder inside the snapshot folder/);
    }
  });
});
