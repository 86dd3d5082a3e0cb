// Verified tarballs kept on disk, so a version can be re-normalized or ingested offline.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

export class SnapshotStore {
  constructor(private readonly root: string) {}

  /** `@scope/name` → `@scope__name`; the name was validated, so this stays inside root. */
  private fileFor(packageName: string, version: string): string {
    return path.join(this.folderOf(packageName), `${version.replace(/[^A-Za-z0-9._+-]/g, '_')}.tgz`);
  }

  async read(packageName: string, version: string): Promise<Uint8Array | null> {
    try {
      return new Uint8Array(await fs.readFile(this.fileFor(packageName, version)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  private folderOf(packageName: string): string {
    const folder = path.join(this.root, packageName.replace('/', '__'));
    // Names are validated where they enter; this keeps a name from elsewhere from reaching outside.
    const relative = path.relative(this.root, folder);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative) || relative.includes(path.sep)) {
      throw new Error(`${JSON.stringify(packageName)} does not name a folder inside the snapshot folder`);
    }
    return folder;
  }

  /** Versions with a snapshot on disk, for offline syncs that name none. */
  async listVersions(packageName: string): Promise<string[]> {
    try {
      const names = await fs.readdir(this.folderOf(packageName));
      return names.filter((name) => name.endsWith('.tgz')).map((name) => name.slice(0, -'.tgz'.length));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  /** Written to a temporary name first, so a crash never leaves half a snapshot under the real name. */
  async write(packageName: string, version: string, bytes: Uint8Array): Promise<void> {
    const target = this.fileFor(packageName, version);
    await fs.mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.${crypto.randomBytes(6).toString('hex')}.tmp`;
    await fs.writeFile(temporary, bytes);
    await fs.rename(temporary, target);
  }

  /** The package's tarballs on disk: how many, and their bytes. */
  async usage(packageName: string): Promise<{ tarballs: number; tarballBytes: number }> {
    return this.eachTarball(packageName, async () => true);
  }

  /**
   * Deletes the package's tarballs (untrack) and returns what went. Only its `.tgz` files, then its
   * folder if that is left empty: whatever else shares the folder stays (the git clones live in
   * `git/`, which is also what an npm package named "git" maps to). A file that cannot be deleted is
   * left, uncounted; the package's rows are already gone by then.
   */
  async removePackage(packageName: string): Promise<{ tarballs: number; tarballBytes: number }> {
    const removed = await this.eachTarball(packageName, (file) =>
      fs.unlink(file).then(
        () => true,
        () => false,
      ),
    );
    await fs.rmdir(this.folderOf(packageName)).catch(() => {});
    return removed;
  }

  private async eachTarball(packageName: string, visit: (file: string) => Promise<boolean>): Promise<{ tarballs: number; tarballBytes: number }> {
    const folder = this.folderOf(packageName);
    let tarballs = 0;
    let tarballBytes = 0;
    for (const version of await this.listVersions(packageName)) {
      const file = path.join(folder, `${version}.tgz`);
      const stat = await fs.stat(file).catch(() => null);
      if (!stat?.isFile() || !(await visit(file))) continue;
      tarballs += 1;
      tarballBytes += stat.size;
    }
    return { tarballs, tarballBytes };
  }
}
