import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DocdeltaError } from '../../src/errors.ts';
import { DEFAULT_LIMITS } from '../../src/source/limits.ts';
import { extractTarball, safeEntryPath } from '../../src/source/tarball.ts';
import { packageTgz, tarBytes, tgz } from '../support/tarballs.ts';

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

describe('extractTarball', () => {
  it('strips the top folder whatever its name and keeps paths relative to the package root', async () => {
    const files = await extractTarball(packageTgz({ 'docs/a.mdx': '# A\n', 'package.json': '{}' }, 'my-pkg-1.0.0'));
    expect(files.map((file) => file.path)).toEqual(['docs/a.mdx', 'package.json']);
    expect(text(files[0]!.bytes)).toBe('# A\n');
  });

  it.each(['package/../evil', '/abs/path', 'C:../x', 'package\\..\\x', 'package/docs/../../x'])(
    'rejects the entry path %j',
    async (path) => {
      await expect(extractTarball(tgz([{ path, content: 'x' }]))).rejects.toThrow(/leave the package|absolute path/);
    },
  );

  it('skips symbolic and hard links without following them', async () => {
    const files = await extractTarball(
      tgz([
        { path: 'package/real.md', content: 'real' },
        { path: 'package/link.md', type: '2', linkTarget: '/etc/passwd' },
        { path: 'package/hard.md', type: '1', linkTarget: 'package/real.md' },
      ]),
    );
    expect(files.map((file) => file.path)).toEqual(['real.md']);
  });

  it('stops a gzip bomb at the unpacked-size cap while decompressing, with memory bounded', async () => {
    // 64 MiB of zeros compresses to ~64 KB: a small download that unpacks far past the cap.
    const bomb = zlib.gzipSync(Buffer.concat([tarBytes([{ path: 'package/a', content: 'a' }]), Buffer.alloc(64 * 1024 * 1024)]));
    expect(bomb.length).toBeLessThan(200_000);
    const before = process.memoryUsage().rss;
    const limits = { ...DEFAULT_LIMITS, maxUnpackedBytes: 4 * 1024 * 1024 };
    await expect(extractTarball(bomb, limits)).rejects.toThrow(/unpacks to more than/);
    expect(process.memoryUsage().rss - before).toBeLessThan(48 * 1024 * 1024);
  });

  it('refuses a file whose header declares more than the per-file cap', async () => {
    const limits = { ...DEFAULT_LIMITS, maxFileBytes: 10 };
    await expect(extractTarball(packageTgz({ 'big.md': 'x'.repeat(11) }), limits)).rejects.toThrow(/larger than 10 bytes/);
  });

  it('caps the number of entries and the folder depth with a clear error', async () => {
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}.md`, 'x']));
    await expect(extractTarball(packageTgz(many), { ...DEFAULT_LIMITS, maxEntries: 20 })).rejects.toThrow(/more than 20 entries/);
    const deep = `${Array.from({ length: 40 }, () => 'd').join('/')}/x.md`;
    await expect(extractTarball(packageTgz({ [deep]: 'x' }), { ...DEFAULT_LIMITS, maxPathDepth: 30 })).rejects.toThrow(/deeper than 30/);
  });

  it('gives a clear error for corrupt gzip, a short body and a file that is not a tarball', async () => {
    const good = packageTgz({ 'a.md': 'hello' });
    await expect(extractTarball(Buffer.from('not gzip at all'))).rejects.toBeInstanceOf(DocdeltaError);
    await expect(extractTarball(good.subarray(0, Math.floor(good.length / 2)))).rejects.toThrow(/gzip|tarball/);
    await expect(extractTarball(zlib.gzipSync(Buffer.from('plain text, not a tar archive'.repeat(40))))).rejects.toThrow(/tarball/);
  });

  it('refuses entries that collide after Unicode normalization instead of picking one silently', async () => {
    const composed = 'package/caf\u00e9.md';
    const decomposed = 'package/cafe\u0301.md';
    await expect(extractTarball(tgz([{ path: composed, content: '1' }, { path: decomposed, content: '2' }]))).rejects.toThrow(/collide/);
  });

  // Issue 16 item 10: two top folders were refused as a "Unicode collision". npm (pacote) unpacks with
  // tar's strip: 1, which drops the first component of every entry whatever it is; we do the same.
  it('accepts two top folders as npm does: the first component is stripped from every entry, the last copy wins', async () => {
    const files = await extractTarball(
      tgz([
        { path: 'package/README.md', content: 'from package' },
        { path: 'package/docs/a.md', content: 'a' },
        { path: 'other/README.md', content: 'from other' },
        { path: 'other/docs/b.md', content: 'b' },
      ]),
    );
    expect(files.map((file) => file.path)).toEqual(['README.md', 'docs/a.md', 'docs/b.md']);
    expect(text(files[0]!.bytes)).toBe('from other');
  });

  it('still calls a real Unicode collision one, even across two top folders', async () => {
    const entries = [{ path: 'package/caf\u00e9.md', content: '1' }, { path: 'other/cafe\u0301.md', content: '2' }];
    await expect(extractTarball(tgz(entries))).rejects.toThrow(/collide after Unicode normalization/);
  });

  // Issue 16 item 6: a 3.6 KB path (a PAX header, under the depth cap) reached the database and failed
  // every sync with "index row size … exceeds btree": it is refused here, naming the limit.
  it('refuses a path over the byte limit with a clear message, before anything is stored', async () => {
    const long = `package/${Array.from({ length: 30 }, () => 'x'.repeat(120)).join('/')}.md`;
    expect(Buffer.byteLength(long)).toBeGreaterThan(3600);
    const attempt = extractTarball(tgz([{ path: 'package/ok.md', content: 'ok' }, { path: long, content: 'deep' }]));
    await expect(attempt).rejects.toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    await expect(extractTarball(tgz([{ path: long, content: 'deep' }]))).rejects.toThrow(/path is 3\d{3} bytes, over the 1024-byte limit/);
    const justUnder = `package/${'y'.repeat(1021)}.md`;
    const files = await extractTarball(tgz([{ path: justUnder, content: 'fits' }]));
    expect(Buffer.byteLength(files[0]!.path)).toBe(1024);
  });

  it('keeps the last of two entries with the same path, as tar does', async () => {
    const files = await extractTarball(tgz([{ path: 'package/a.md', content: 'first' }, { path: 'package/a.md', content: 'second' }]));
    expect(files).toHaveLength(1);
    expect(text(files[0]!.bytes)).toBe('second');
  });
});

describe('safeEntryPath', () => {
  it('returns null for the top folder itself and normalizes to NFC', () => {
    expect(safeEntryPath('package/', 64)).toBeNull();
    expect(safeEntryPath('package/cafe\u0301.md', 64)).toBe('caf\u00e9.md');
  });
});
