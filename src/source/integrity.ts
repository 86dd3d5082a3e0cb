// Verifies a tarball against the registry's integrity (SRI sha512 preferred; sha1 shasum only as a fallback).
import crypto from 'node:crypto';
import { integrity as integrityError } from '../errors.ts';

export interface ExpectedIntegrity {
  integrity?: string | null;
  shasum?: string | null;
}

const STRENGTH: Record<string, number> = { sha512: 3, sha384: 2, sha256: 1 };

/** Picks the strongest usable hash; refuses when there is nothing to verify against. */
export function expectedDigest(expected: ExpectedIntegrity): { algorithm: string; digest: Buffer; label: string } {
  const candidates = (expected.integrity ?? '')
    .split(/\s+/)
    .map((token) => /^(sha512|sha384|sha256)-([A-Za-z0-9+/=]+)(?:\?.*)?$/.exec(token))
    .filter((match): match is RegExpExecArray => match !== null)
    .sort((a, b) => STRENGTH[b[1]!]! - STRENGTH[a[1]!]!);
  const best = candidates[0];
  if (best) return { algorithm: best[1]!, digest: Buffer.from(best[2]!, 'base64'), label: `${best[1]}-${best[2]}` };
  if (expected.shasum && /^[0-9a-f]{40}$/i.test(expected.shasum)) {
    return { algorithm: 'sha1', digest: Buffer.from(expected.shasum, 'hex'), label: `sha1-${Buffer.from(expected.shasum, 'hex').toString('base64')}` };
  }
  throw integrityError('the registry gives neither an integrity hash nor a shasum for this tarball; refusing to trust it');
}

export function verifyIntegrity(bytes: Uint8Array, expected: ExpectedIntegrity): string {
  const { algorithm, digest, label } = expectedDigest(expected);
  const actual = crypto.createHash(algorithm).update(bytes).digest();
  if (actual.length !== digest.length || !crypto.timingSafeEqual(actual, digest)) {
    throw integrityError(
      `tarball ${algorithm} does not match the registry (expected ${digest.toString('base64')}, got ${actual.toString('base64')})`,
    );
  }
  return label;
}
