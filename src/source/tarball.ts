// Unpacks a package tarball in memory. Nothing touches the disk, and every entry is checked:
// no links, no absolute or parent paths, bounded counts, sizes and depth, decompression capped as it runs.
import zlib from 'node:zlib';
import { Parser, type ReadEntry } from 'tar';
import { DocdeltaError, invalidInput } from '../errors.ts';
import type { SourceFile } from '../types.ts';
import { DEFAULT_LIMITS, type SourceLimits } from './limits.ts';

/**
 * Returns the entry's path inside the package (top folder stripped, whatever its name), or null for
 * entries that are skipped. Throws for paths that try to leave the package.
 */
export function safeEntryPath(raw: string, maxDepth: number): string | null {
  if (raw.includes('\0')) throw invalidInput(`tarball entry has a NUL byte in its path`);
  const unified = raw.replace(/\\/g, '/');
  if (unified.startsWith('/') || /^[A-Za-z]:/.test(unified) || unified.startsWith('//')) {
    throw invalidInput(`tarball entry has an absolute path: ${JSON.stringify(raw)}`);
  }
  const segments = unified.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.some((segment) => segment === '..')) {
    throw invalidInput(`tarball entry tries to leave the package: ${JSON.stringify(raw)}`);
  }
  if (segments.length > maxDepth + 1) throw invalidInput(`tarball entry is nested deeper than ${maxDepth} folders`);
  const inside = segments.slice(1);
  if (inside.length === 0) return null;
  return inside.join('/').normalize('NFC');
}

export async function extractTarball(tgz: Uint8Array, limits: SourceLimits = DEFAULT_LIMITS): Promise<SourceFile[]> {
  const files = new Map<string, SourceFile>();
  const rawPathOf = new Map<string, string>();
  let entries = 0;
  let unpacked = 0;
  const state: { failure: Error | null } = { failure: null };
  const fail = (error: Error) => {
    state.failure ??= error;
  };

  const parser = new Parser({
    strict: true,
    maxMetaEntrySize: 1024 * 1024,
    onReadEntry: (entry: ReadEntry) => {
      if (state.failure) return entry.resume();
      try {
        entries += 1;
        if (entries > limits.maxEntries) throw invalidInput(`tarball has more than ${limits.maxEntries} entries`);
        const path = safeEntryPath(entry.path, limits.maxPathDepth);
        if (path === null || (entry.type !== 'File' && entry.type !== 'OldFile' && entry.type !== 'ContiguousFile')) {
          // Links, folders and devices are never followed or created.
          return entry.resume();
        }
        if (entry.size > limits.maxFileBytes) throw invalidInput(`${path} is larger than ${limits.maxFileBytes} bytes`);
        const earlierRaw = rawPathOf.get(path);
        if (earlierRaw !== undefined && earlierRaw !== entry.path) {
          throw invalidInput(`tarball entries ${JSON.stringify(earlierRaw)} and ${JSON.stringify(entry.path)} collide after Unicode normalization`);
        }
        rawPathOf.set(path, entry.path);
        const parts: Buffer[] = [];
        entry.on('data', (chunk: Buffer) => parts.push(chunk));
        entry.on('end', () => {
          const bytes = new Uint8Array(Buffer.concat(parts));
          // Like tar itself, a later entry with the same path replaces an earlier one.
          files.set(path, { path, bytes });
        });
      } catch (error) {
        fail(error as Error);
        entry.resume();
      }
    },
  });
  parser.on('error', (error: Error) => fail(invalidInput(`not a valid tarball: ${error.message}`)));
  parser.on('warn', (code: string, message: string | Error) => {
    if (code === 'TAR_BAD_ARCHIVE' || code === 'TAR_ENTRY_INVALID' || code === 'TAR_ABORT') {
      fail(invalidInput(`not a valid tarball: ${typeof message === 'string' ? message : message.message}`));
    }
  });

  await new Promise<void>((resolve) => {
    const gunzip = zlib.createGunzip();
    const finish = () => resolve();
    gunzip.on('data', (chunk: Buffer) => {
      unpacked += chunk.length;
      if (unpacked > limits.maxUnpackedBytes) {
        fail(invalidInput(`tarball unpacks to more than ${limits.maxUnpackedBytes} bytes`));
        gunzip.destroy();
        return finish();
      }
      if (!state.failure) parser.write(chunk);
      else {
        gunzip.destroy();
        finish();
      }
    });
    gunzip.on('error', (error) => {
      fail(invalidInput(`not a valid gzip stream: ${error.message}`));
      finish();
    });
    gunzip.on('end', () => {
      parser.end(() => finish());
      // Parser.end's callback is not called on every error path; an 'end'/'close' from it settles too.
      parser.on('close', finish);
      parser.on('end', finish);
    });
    gunzip.end(Buffer.from(tgz.buffer, tgz.byteOffset, tgz.byteLength));
  });

  const { failure } = state;
  if (failure) throw failure instanceof DocdeltaError ? failure : invalidInput(failure.message);
  if (files.size === 0) throw invalidInput('tarball holds no files');
  return [...files.values()].sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)));
}
