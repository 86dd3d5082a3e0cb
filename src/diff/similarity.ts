// Git's rename score (rename-spec section 2): how many bytes of the larger blob can be found in the
// other, on a 0..60000 scale. Fingerprints are computed once per blob content (keyed by sha256)
// because the matrix compares every remaining source with every remaining destination.
import { chunkFingerprint, copiedWeight, type ChunkFingerprint } from './chunk-hash.ts';

export const MAX_SCORE = 60000;

/** `-M<percent>` as git's integer score: 50 -> 30000, 100 -> 60000 (exact renames only). */
export function thresholdToScore(percent: number): number {
  if (!Number.isFinite(percent) || percent < 0 || percent > 100) {
    throw new RangeError(`rename threshold must be a percentage from 0 to 100, got ${percent}`);
  }
  return Math.trunc((MAX_SCORE * percent) / 100);
}

/** Score -> the fraction docdelta reports (git's printed percent / 100, e.g. 0.93). */
export function scoreToSimilarity(score: number): number {
  return Math.floor((score * 100) / MAX_SCORE) / 100;
}

export interface Blob {
  sha256: string;
  bytes: Uint8Array;
}

export class FingerprintCache {
  private readonly bySha = new Map<string, ChunkFingerprint>();

  of(blob: Blob): ChunkFingerprint {
    let fingerprint = this.bySha.get(blob.sha256);
    if (!fingerprint) {
      fingerprint = chunkFingerprint(blob.bytes);
      this.bySha.set(blob.sha256, fingerprint);
    }
    return fingerprint;
  }
}

/** The size pre-filter: the score can never exceed min/max, so such a size gap is rejected unread. */
export function sizeRejects(srcSize: number, dstSize: number, minScore: number): boolean {
  const max = Math.max(srcSize, dstSize);
  return max * (MAX_SCORE - minScore) < (max - Math.min(srcSize, dstSize)) * MAX_SCORE;
}

/** The score once the copied bytes are known: a share of the larger blob, rounded down. */
export function scoreFromCopied(copied: number, srcSize: number, dstSize: number): number {
  if (dstSize === 0) return 0;
  return Math.floor((copied * MAX_SCORE) / Math.max(srcSize, dstSize));
}

export function estimateSimilarity(src: Blob, dst: Blob, minScore: number, cache: FingerprintCache): number {
  if (sizeRejects(src.bytes.length, dst.bytes.length, minScore)) return 0;
  if (dst.bytes.length === 0) return 0;
  return scoreFromCopied(copiedWeight(cache.of(src), cache.of(dst)), src.bytes.length, dst.bytes.length);
}
