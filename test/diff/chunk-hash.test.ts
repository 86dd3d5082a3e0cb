import { describe, expect, it } from 'vitest';
import { chunkFingerprint, copiedWeight } from '../../src/diff/chunk-hash.ts';
import { estimateSimilarity, FingerprintCache, MAX_SCORE } from '../../src/diff/similarity.ts';
import { bytesOf, sha256 } from '../support/git-trees.ts';

const fingerprint = (text: string | Uint8Array) => chunkFingerprint(bytesOf(text));
const totalWeight = (text: string | Uint8Array) => fingerprint(text).weights.reduce((sum, weight) => sum + weight, 0);
const blob = (text: string) => ({ sha256: sha256(bytesOf(text)), bytes: bytesOf(text) });

describe('chunk fingerprint', () => {
  it('hashes a line with the rotating accumulators into git bucket 12426 for "a\\n"', () => {
    const { hashes, weights } = fingerprint('a\n');
    expect([...hashes]).toEqual([12426]);
    expect([...weights]).toEqual([2]);
  });

  it('counts a final chunk without LF, as git >= 2.43.2 does', () => {
    const { hashes, weights } = fingerprint(`a\n${'b'.repeat(38)}`);
    expect(hashes.length).toBe(2);
    expect([...weights].sort((x, y) => x - y)).toEqual([2, 38]);
  });

  it('scores case 12 (n1 -> n2) at 95% only because the final chunk counts', () => {
    const score = estimateSimilarity(blob(`a\n${'b'.repeat(38)}`), blob(`c\n${'b'.repeat(38)}`), 30000, new FingerprintCache());
    expect(score).toBe(Math.floor((38 * MAX_SCORE) / 40));
  });

  it('cuts a 64-byte line into a 64-byte chunk and a separate LF chunk', () => {
    const { weights } = fingerprint(`${'x'.repeat(64)}\n`);
    expect([...weights].sort((x, y) => x - y)).toEqual([1, 64]);
  });

  it('skips the CR of CRLF in text but not in binary content', () => {
    expect(totalWeight('ab\r\ncd\r\n')).toBe(6);
    expect(totalWeight('ab\rcd\n')).toBe(6);
    expect(totalWeight(new Uint8Array([0x61, 0x00, 0x0d, 0x0a]))).toBe(4);
  });

  it('weighs buckets by bytes, so repeated lines add up in one bucket', () => {
    const { hashes, weights } = fingerprint('same\nsame\nsame\n');
    expect(hashes.length).toBe(1);
    expect([...weights]).toEqual([15]);
  });

  it('finds copied bytes as the sum of the smaller weight per bucket', () => {
    expect(copiedWeight(fingerprint('a\nb\nb\n'), fingerprint('b\nc\n'))).toBe(2);
    expect(copiedWeight(fingerprint('a\nb\n'), fingerprint('a\nb\n'))).toBe(4);
  });
});

describe('similarity estimate', () => {
  it('rejects by size alone when the smaller file is under half the larger one', () => {
    const cache = new FingerprintCache();
    expect(estimateSimilarity(blob('x\n'.repeat(50)), blob('x\n'.repeat(100)), 30000, cache)).toBe(30000);
    expect(estimateSimilarity(blob('x\n'.repeat(50)), blob(`${'x\n'.repeat(100)}z`), 30000, cache)).toBe(0);
  });

  it('scores empty against non-empty as 0', () => {
    expect(estimateSimilarity(blob(''), blob('a\n'), 0, new FingerprintCache())).toBe(0);
  });
});
