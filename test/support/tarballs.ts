// Builds small package tarballs in memory for tests, including malformed ones a real tool would never write.
import crypto from 'node:crypto';
import zlib from 'node:zlib';

export interface TarEntry {
  path: string;
  content?: string | Uint8Array;
  /** '0' file (default), '1' hard link, '2' symlink, '5' directory. */
  type?: '0' | '1' | '2' | '5' | 'x';
  linkTarget?: string;
}

function header(entry: TarEntry, size: number): Buffer {
  const block = Buffer.alloc(512, 0);
  const name = Buffer.from(entry.path, 'utf8');
  if (name.length > 100) throw new Error('test tarballs keep header names under 100 bytes (longer ones go in a PAX record)');
  name.copy(block, 0);
  block.write('0000644\0', 100, 'ascii');
  block.write('0000000\0', 108, 'ascii');
  block.write('0000000\0', 116, 'ascii');
  block.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'ascii');
  block.write(`${Math.floor(Date.UTC(2024, 0, 1) / 1000).toString(8).padStart(11, '0')}\0`, 136, 'ascii');
  block.write('        ', 148, 'ascii');
  block.write(entry.type ?? '0', 156, 'ascii');
  if (entry.linkTarget) block.write(entry.linkTarget, 157, 'utf8');
  block.write('ustar\0', 257, 'ascii');
  block.write('00', 263, 'ascii');
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return block;
}

/** A PAX `path=` record: its length prefix counts the whole record, digits included. */
function paxPathRecord(path: string): Buffer {
  const body = ` path=${path}\n`;
  let length = Buffer.byteLength(body);
  while (String(length).length + Buffer.byteLength(body) !== length) length = String(length).length + Buffer.byteLength(body);
  return Buffer.from(`${length}${body}`, 'utf8');
}

export function tarBytes(entries: TarEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const original of entries) {
    let entry = original;
    if (Buffer.byteLength(entry.path) > 100) {
      // Long names travel in a PAX extended header before the entry, as tar and npm write them.
      const record = paxPathRecord(entry.path);
      parts.push(header({ path: 'PaxHeader/long', type: 'x' }, record.length), record, Buffer.alloc((512 - (record.length % 512)) % 512, 0));
      entry = { ...entry, path: 'package/pax-named-entry' };
    }
    const content = entry.content === undefined ? Buffer.alloc(0) : Buffer.from(entry.content);
    const size = entry.type === undefined || entry.type === '0' ? content.length : 0;
    parts.push(header(entry, size));
    if (size > 0) {
      parts.push(content);
      const pad = (512 - (size % 512)) % 512;
      if (pad) parts.push(Buffer.alloc(pad, 0));
    }
  }
  parts.push(Buffer.alloc(1024, 0));
  return Buffer.concat(parts);
}

export function tgz(entries: TarEntry[]): Buffer {
  return zlib.gzipSync(tarBytes(entries));
}

/** Files placed under `package/`, the way npm packs them. */
export function packageTgz(files: Record<string, string | Uint8Array>, top = 'package'): Buffer {
  return tgz(Object.entries(files).map(([path, content]) => ({ path: `${top}/${path}`, content })));
}

export function sri(bytes: Uint8Array, algorithm: 'sha512' | 'sha1' = 'sha512'): string {
  return `${algorithm}-${crypto.createHash(algorithm).update(bytes).digest('base64')}`;
}

export function shasum(bytes: Uint8Array): string {
  return crypto.createHash('sha1').update(bytes).digest('hex');
}
