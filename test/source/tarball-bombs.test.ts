// Decompression bombs, measured in a child process so the peak memory is the extractor's own.
// Issue 16 item 1: a tarball padded with ~1 GB of zeros after its end marker ran for 15 minutes
// (quadratic re-copying in node-tar), and 15 × 31 MiB files passed every cap at 6 GB RSS.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/source/limits.ts';
import { tarBytes } from '../support/tarballs.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const MiB = 1024 * 1024;
let folder: string;

/** Gzips the pieces in order, streaming, so a gigabyte of zeros never sits in the test's memory. */
async function gzipToFile(file: string, pieces: Iterable<Buffer>): Promise<number> {
  const gzip = zlib.createGzip({ level: 9 });
  const out = fs.createWriteStream(file);
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    gzip.on('error', reject);
  });
  gzip.pipe(out);
  for (const piece of pieces) {
    if (!gzip.write(piece)) await new Promise((resolve) => gzip.once('drain', resolve));
  }
  gzip.end();
  await done;
  return fs.statSync(file).size;
}

function* repeat(block: Buffer, times: number): Generator<Buffer> {
  for (let i = 0; i < times; i += 1) yield block;
}

/** A ustar header for a file of `size` bytes (the test support builder wants the content itself). */
function fileHeader(name: string, size: number): Buffer {
  const header = tarBytes([{ path: name, content: '' }]).subarray(0, 512);
  header.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'ascii');
  header.fill(' ', 148, 156);
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return header;
}

function extractInChild(file: string): Promise<{ ms: number; peakRssBytes: number; ok: boolean; code?: string; message?: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', path.join(here, 'extract-in-child.ts'), file],
      { cwd: root, timeout: 120_000, maxBuffer: MiB },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`child failed: ${error.message}\n${stderr}`));
        resolve(JSON.parse(stdout.trim().split('\n').pop()!));
      },
    );
  });
}

beforeAll(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'docdelta-bombs-'));
});
afterAll(() => {
  fs.rmSync(folder, { recursive: true, force: true });
});

describe('tarball bombs (child process, measured)', () => {
  it('refuses a 1 MB tarball of one tiny file and ~1 GB of zeros after the end marker in under 5 s and 300 MB', async () => {
    const file = path.join(folder, 'trailing-zeros.tgz');
    const archive = tarBytes([{ path: 'package/a.md', content: 'tiny' }]);
    const size = await gzipToFile(file, [archive, ...repeat(Buffer.alloc(MiB), 1000)]);
    expect(size).toBeGreaterThan(900_000);
    expect(size).toBeLessThan(1_100_000);
    const result = await extractInChild(file);
    expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(result.message).toMatch(/unpacks to more than .*after the end-of-archive marker/);
    expect(result.ms).toBeLessThan(5_000);
    expect(result.peakRssBytes).toBeLessThan(300 * 1000 * 1000);
  }, 120_000);

  it('refuses a 0.98 MB tarball unpacking to 15 files of 31 MiB in under 5 s and 300 MB', async () => {
    const file = path.join(folder, 'fifteen-files.tgz');
    const zeros = Buffer.alloc(MiB);
    function* pieces(): Generator<Buffer> {
      for (let i = 0; i < 15; i += 1) {
        yield fileHeader(`package/big-${i}.bin`, 31 * MiB);
        yield* repeat(zeros, 31);
      }
      yield Buffer.alloc(1024);
    }
    const size = await gzipToFile(file, pieces());
    expect(size).toBeLessThan(1_000_000);
    const result = await extractInChild(file);
    expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(result.message).toMatch(/larger than \d+ bytes|unpacks to more than/);
    expect(result.ms).toBeLessThan(5_000);
    expect(result.peakRssBytes).toBeLessThan(300 * 1000 * 1000);
  }, 120_000);

  it('refuses the same shape under the per-file cap by the total cap, memory still bounded', async () => {
    // 15 files of 15 MiB: each passes the 16 MiB file cap, together they pass the total.
    const file = path.join(folder, 'fifteen-smaller-files.tgz');
    const zeros = Buffer.alloc(MiB);
    function* pieces(): Generator<Buffer> {
      for (let i = 0; i < 15; i += 1) {
        yield fileHeader(`package/big-${i}.bin`, 15 * MiB);
        yield* repeat(zeros, 15);
      }
      yield Buffer.alloc(1024);
    }
    await gzipToFile(file, pieces());
    const result = await extractInChild(file);
    expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(result.message).toBe(`tarball unpacks to more than ${DEFAULT_LIMITS.maxUnpackedBytes} bytes`);
    expect(result.ms).toBeLessThan(5_000);
    expect(result.peakRssBytes).toBeLessThan(300 * 1000 * 1000);
  }, 120_000);
});
