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
    return path.join(this.root, packageName.replace('/', '__'));
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
    let tarballs = 0;
    let tarballBytes = 0;
    for (const version of await this.listVersions(packageName)) {
      const stat = await fs.stat(path.join(this.folderOf(packageName), `${version}.tgz`)).catch(() => null);
      if (!stat) continue;
      tarballs += 1;
      tarballBytes += stat.size;
    }
    return { tarballs, tarballBytes };
  }

  /** Deletes the package's tarballs (untrack); returns what they were. */
  async removePackage(packageName: string): Promise<{ tarballs: number; tarballBytes: number }> {
    const usage = await this.usage(packageName);
    await fs.rm(this.folderOf(packageName), { recursive: true, force: true });
    return usage;
  }
}
