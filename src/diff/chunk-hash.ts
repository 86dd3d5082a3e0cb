// Git's similarity fingerprint of a blob (rename-spec section 2.3): the content is cut into chunks
// that end at each LF or after 64 counted bytes, each chunk is hashed into one of 107927 buckets,
// and each bucket weighs the bytes that fell into it. Reproducing the exact hash matters: bucket
// collisions are common enough to move borderline scores across the threshold.
import { isBinaryContent } from './binary.ts';

const HASH_BASE = 107927;
const MAX_CHUNK = 64;
const LF = 0x0a;
const CR = 0x0d;

/** Buckets in ascending hash order with their byte weights, so two fingerprints merge in one pass. */
export interface ChunkFingerprint {
  hashes: Uint32Array;
  weights: Uint32Array;
}

// Each chunk is packed as `hash << 7 | length` (hash < 2^17, length <= 64) so one numeric sort of
// a typed array groups equal hashes; far cheaper than a Map per blob. The packing buffer (at most
// one chunk per byte) is shared between calls, so hashing hundreds of blobs allocates only results.
const LENGTH_BITS = 7;
let scratch = new Uint32Array(1 << 16);

export function chunkFingerprint(bytes: Uint8Array): ChunkFingerprint {
  const text = !isBinaryContent(bytes);
  const length = bytes.length;
  if (scratch.length < length + 1) scratch = new Uint32Array(Math.max(length + 1, scratch.length * 2));
  const chunks = scratch;
  let chunkCount = 0;
  let hi = 0;
  let lo = 0;
  let count = 0;
  for (let i = 0; i < length; i++) {
    const c = bytes[i]!;
    // In text the CR of a CRLF pair is invisible, so LF and CRLF versions of a line share a hash.
    if (text && c === CR && i + 1 < length && bytes[i + 1] === LF) continue;
    const oldHi = hi;
    hi = ((hi << 7) ^ (lo >>> 25)) >>> 0;
    lo = ((lo << 7) ^ (oldHi >>> 25)) >>> 0;
    hi = (hi + c) >>> 0;
    count++;
    if (count === MAX_CHUNK || c === LF) {
      chunks[chunkCount++] = ((((hi + Math.imul(lo, 97)) >>> 0) % HASH_BASE) << LENGTH_BITS) | count;
      hi = lo = count = 0;
    }
  }
  // The modern rule (git >= 2.43.2): a final chunk without LF still counts.
  if (count > 0) chunks[chunkCount++] = ((((hi + Math.imul(lo, 97)) >>> 0) % HASH_BASE) << LENGTH_BITS) | count;

  const sorted = chunks.subarray(0, chunkCount).sort();
  const hashes = new Uint32Array(chunkCount);
  const weights = new Uint32Array(chunkCount);
  let buckets = 0;
  for (let i = 0; i < chunkCount; i++) {
    const hash = sorted[i]! >>> LENGTH_BITS;
    const weight = sorted[i]! & ((1 << LENGTH_BITS) - 1);
    if (buckets > 0 && hashes[buckets - 1] === hash) weights[buckets - 1] = weights[buckets - 1]! + weight;
    else {
      hashes[buckets] = hash;
      weights[buckets++] = weight;
    }
  }
  return { hashes: hashes.slice(0, buckets), weights: weights.slice(0, buckets) };
}

/** Bytes of `dst` that can be found in `src`: the sum over buckets of the smaller weight. */
export function copiedWeight(src: ChunkFingerprint, dst: ChunkFingerprint): number {
  let i = 0;
  let j = 0;
  let copied = 0;
  const sh = src.hashes;
  const dh = dst.hashes;
  while (i < sh.length && j < dh.length) {
    const a = sh[i]!;
    const b = dh[j]!;
    if (a < b) i++;
    else if (a > b) j++;
    else {
      copied += Math.min(src.weights[i]!, dst.weights[j]!);
      i++;
      j++;
    }
  }
  return copied;
}

/**
 * One destination's weights spread over a dense table, so scoring many sources against it costs
 * one lookup per source bucket instead of a merge of both lists. Reused across destinations.
 */
export class WeightTable {
  private readonly table = new Uint32Array(HASH_BASE);
  private loaded: ChunkFingerprint | null = null;

  load(fingerprint: ChunkFingerprint): void {
    if (this.loaded) for (const hash of this.loaded.hashes) this.table[hash] = 0;
    for (let i = 0; i < fingerprint.hashes.length; i++) this.table[fingerprint.hashes[i]!] = fingerprint.weights[i]!;
    this.loaded = fingerprint;
  }

  /** Same as `copiedWeight(other, loaded)`. */
  copiedFrom(other: ChunkFingerprint): number {
    const table = this.table;
    const { hashes, weights } = other;
    let copied = 0;
    for (let i = 0; i < hashes.length; i++) {
      const here = table[hashes[i]!]!;
      if (here !== 0) copied += Math.min(here, weights[i]!);
    }
    return copied;
  }
}
