// Verifies a tarball against the registry's integrity (SRI sha512 preferred; sha1 shasum only as a fallback
// when the registry gives no integrity string at all).
import crypto from 'node:crypto';
import { integrity as integrityError } from '../errors.ts';

export interface ExpectedIntegrity {
  integrity?: string | null;
  shasum?: string | null;
}

/** Digest length in bytes per algorithm, strongest first. */
const DIGEST_BYTES: Record<string, number> = { sha512: 64, sha384: 48, sha256: 32, sha1: 20 };
const STRENGTH = Object.keys(DIGEST_BYTES);
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

interface Candidate {
  algorithm: string;
  text: string;
}

/** The hash tokens of an SRI string (`alg-base64[?options]`); unknown algorithms are left out, as npm's ssri does. */
function candidates(integrity: string): Candidate[] {
  return integrity
    .split(/\s+/)
    .map((token) => /^([a-z0-9]+)-([^?]*)(?:\?.*)?$/i.exec(token))
    .filter((match): match is RegExpExecArray => match !== null && match[1]!.toLowerCase() in DIGEST_BYTES)
    .map((match) => ({ algorithm: match[1]!.toLowerCase(), text: match[2]! }));
}

function show(value: string): string {
  return JSON.stringify(value.length > 100 ? `${value.slice(0, 100)}…` : value);
}

/**
 * Picks the strongest hash the registry gives; refuses when there is nothing to verify against.
 * A malformed hash is refused, never skipped for a weaker one: a downgrade to sha1 is what an
 * attacker who can edit metadata would ask for.
 */
export function expectedDigest(expected: ExpectedIntegrity): { algorithm: string; digest: Buffer; label: string } {
  const integrity = (expected.integrity ?? '').trim();
  if (integrity !== '') {
    const found = candidates(integrity);
    if (found.length === 0) {
      throw integrityError(`the registry's integrity ${show(integrity)} names no hash docdelta can check (sha512, sha384, sha256 or sha1); refusing to trust the tarball`);
    }
    const algorithm = STRENGTH.find((name) => found.some((candidate) => candidate.algorithm === name))!;
    const strongest = found.filter((candidate) => candidate.algorithm === algorithm);
    const malformed = strongest.find(
      (candidate) => !BASE64.test(candidate.text) || Buffer.from(candidate.text, 'base64').length !== DIGEST_BYTES[algorithm],
    );
    if (malformed) {
      throw integrityError(
        `the registry's integrity ${show(`${algorithm}-${malformed.text}`)} is malformed (not the base64 of a ${DIGEST_BYTES[algorithm]}-byte ${algorithm} digest); refusing to fall back to a weaker hash`,
      );
    }
    const chosen = strongest[0]!;
    return { algorithm, digest: Buffer.from(chosen.text, 'base64'), label: `${algorithm}-${chosen.text}` };
  }
  if (expected.shasum) {
    if (!/^[0-9a-f]{40}$/i.test(expected.shasum)) {
      throw integrityError(`the registry's shasum ${show(expected.shasum)} is not a sha1 hex digest; refusing to trust the tarball`);
    }
    const digest = Buffer.from(expected.shasum, 'hex');
    return { algorithm: 'sha1', digest, label: `sha1-${digest.toString('base64')}` };
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
