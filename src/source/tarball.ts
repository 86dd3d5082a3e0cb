// Unpacks a package tarball in memory. Nothing touches the disk, and every entry is checked:
// no links, no absolute or parent paths, bounded counts, sizes, depth and path length.
//
// Cost is linear in the inflated size and memory is bounded by the caps: gzip output is counted as it
// is produced and the stream is stopped at the unpacked-size cap; each file is copied once, straight
// into a buffer of its declared size; and nothing is fed to node-tar after the end-of-archive marker
// (node-tar keeps such bytes and re-copies them on every write, which made a tarball padded with
// 1 GB of zeros take quadratic time).
import zlib from 'node:zlib';
import { Parser, type ReadEntry } from 'tar';
import { DocdeltaError, invalidInput } from '../errors.ts';
import type { SourceFile } from '../types.ts';
import { DEFAULT_LIMITS, type SourceLimits } from './limits.ts';

interface EntryPath {
  /** The stored path: inside the top folder, NFC. */
  path: string;
  /** The same path as the tarball spells it, before normalization (for collision checks). */
  raw: string;
}

function entryPath(raw: string, maxDepth: number): EntryPath | null {
  if (raw.includes('\0')) throw invalidInput(`tarball entry has a NUL byte in its path`);
  const unified = raw.replace(/\\/g, '/');
  if (unified.startsWith('/') || /^[A-Za-z]:/.test(unified) || unified.startsWith('//')) {
    throw invalidInput(`tarball entry has an absolute path: ${JSON.stringify(raw.slice(0, 200))}`);
  }
  const segments = unified.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.some((segment) => segment === '..')) {
    throw invalidInput(`tarball entry tries to leave the package: ${JSON.stringify(raw.slice(0, 200))}`);
  }
  if (segments.length > maxDepth + 1) throw invalidInput(`tarball entry is nested deeper than ${maxDepth} folders`);
  // Like npm (pacote unpacks with tar's strip: 1), the first component is dropped whatever its name,
  // even when entries disagree on it.
  const inside = segments.slice(1);
  if (inside.length === 0) return null;
  const joined = inside.join('/');
  return { path: joined.normalize('NFC'), raw: joined };
}

/**
 * Returns the entry's path inside the package (top folder stripped, whatever its name), or null for
 * entries that are skipped. Throws for paths that try to leave the package.
 */
export function safeEntryPath(raw: string, maxDepth: number): string | null {
  return entryPath(raw, maxDepth)?.path ?? null;
}

/** Throws when a stored path would be longer than the limit (in UTF-8 bytes, as the database counts). */
export function checkPathLength(path: string, maxPathBytes: number, where = 'tarball entry'): void {
  const bytes = Buffer.byteLength(path, 'utf8');
  if (bytes > maxPathBytes) {
    throw invalidInput(`${where} path is ${bytes} bytes, over the ${maxPathBytes}-byte limit for a path: ${JSON.stringify(path.slice(0, 80))}…`);
  }
}

interface Pending {
  path: string;
  bytes: Uint8Array;
  written: number;
}

export async function extractTarball(tgz: Uint8Array, limits: SourceLimits = DEFAULT_LIMITS): Promise<SourceFile[]> {
  const files = new Map<string, Pending>();
  const rawPathOf = new Map<string, string>();
  let entries = 0;
  let unpacked = 0;
  let sawEndMarker = false;
  const state: { failure: Error | null } = { failure: null };
  const fail = (error: Error) => {
    state.failure ??= error;
  };

  const readEntry = (entry: ReadEntry) => {
    entries += 1;
    if (entries > limits.maxEntries) throw invalidInput(`tarball has more than ${limits.maxEntries} entries`);
    const located = entryPath(entry.path, limits.maxPathDepth);
    if (located === null || (entry.type !== 'File' && entry.type !== 'OldFile' && entry.type !== 'ContiguousFile')) {
      // Links, folders and devices are never followed or created.
      return entry.resume();
    }
    const { path, raw } = located;
    checkPathLength(path, limits.maxPathBytes);
    if (entry.size > limits.maxFileBytes) throw invalidInput(`${path} is larger than ${limits.maxFileBytes} bytes`);
    const earlierRaw = rawPathOf.get(path);
    if (earlierRaw !== undefined && earlierRaw !== raw) {
      throw invalidInput(`tarball entries ${JSON.stringify(earlierRaw)} and ${JSON.stringify(raw)} collide after Unicode normalization`);
    }
    rawPathOf.set(path, raw);
    // One copy: the body goes straight into a buffer of the size the header declared. Like tar
    // itself, a later entry with the same path replaces an earlier one.
    const pending: Pending = { path, bytes: new Uint8Array(entry.size), written: 0 };
    files.set(path, pending);
    entry.on('data', (chunk: Buffer) => {
      if (pending.written + chunk.length > pending.bytes.length) {
        fail(invalidInput(`${path} holds more bytes than its header declares`));
        return;
      }
      pending.bytes.set(chunk, pending.written);
      pending.written += chunk.length;
    });
  };

  const parser = new Parser({
    strict: true,
    maxMetaEntrySize: 1024 * 1024,
    onReadEntry: (entry: ReadEntry) => {
      if (state.failure) return entry.resume();
      try {
        readEntry(entry);
      } catch (error) {
        fail(error as Error);
        entry.resume();
      }
    },
  });
  parser.on('eof', () => {
    sawEndMarker = true;
  });
  parser.on('error', (error: Error) => fail(invalidInput(`not a valid tarball: ${error.message}`)));
  parser.on('warn', (code: string, message: string | Error) => {
    if (code === 'TAR_BAD_ARCHIVE' || code === 'TAR_ENTRY_INVALID' || code === 'TAR_ABORT') {
      fail(invalidInput(`not a valid tarball: ${typeof message === 'string' ? message : message.message}`));
    }
  });

  await new Promise<void>((resolve) => {
    // Each output chunk is a round trip to libuv's thread pool; at the default 16 KiB a 10 MB package
    // made ~600 of them and unpacked in ~90 ms, at 256 KiB in ~40 ms (about gunzipSync's time).
    const gunzip = zlib.createGunzip({ chunkSize: 256 * 1024 });
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      gunzip.destroy();
      resolve();
    };
    gunzip.on('data', (chunk: Buffer) => {
      unpacked += chunk.length;
      if (unpacked > limits.maxUnpackedBytes) {
        const after = sawEndMarker ? ' (most of it after the end-of-archive marker)' : '';
        fail(invalidInput(`tarball unpacks to more than ${limits.maxUnpackedBytes} bytes${after}`));
        return finish();
      }
      // After the end marker the rest is only inflated and counted (a gzip bomb hidden behind the
      // archive still hits the cap), never handed to node-tar.
      if (!state.failure && !sawEndMarker) parser.write(chunk);
      if (state.failure) finish();
    });
    gunzip.on('error', (error) => {
      fail(invalidInput(`not a valid gzip stream: ${error.message}`));
      finish();
    });
    gunzip.on('end', () => {
      if (sawEndMarker) return finish();
      // Parser.end's callback is not called on every error path; an 'end'/'close' from it settles too.
      parser.on('close', finish);
      parser.on('end', finish);
      parser.end(() => finish());
    });
    gunzip.end(Buffer.from(tgz.buffer, tgz.byteOffset, tgz.byteLength));
  });

  const { failure } = state;
  if (failure) throw failure instanceof DocdeltaError ? failure : invalidInput(failure.message);
  const short = [...files.values()].find((file) => file.written !== file.bytes.length);
  if (short) throw invalidInput(`not a valid tarball: ${short.path} is cut short (${short.written} of ${short.bytes.length} bytes)`);
  if (files.size === 0) throw invalidInput('tarball holds no files');
  return [...files.values()]
    .map(({ path, bytes }) => ({ path, bytes }))
    .sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)));
}
