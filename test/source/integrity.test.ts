import { describe, expect, it } from 'vitest';
import { verifyIntegrity } from '../../src/source/integrity.ts';
import { checkTarballUrl } from '../../src/source/npm/tarball-url.ts';
import { shasum, sri } from '../support/tarballs.ts';

const bytes = Buffer.from('tarball bytes');

describe('verifyIntegrity', () => {
  it('accepts matching sha512 and refuses changed bytes', () => {
    expect(verifyIntegrity(bytes, { integrity: sri(bytes) })).toBe(sri(bytes));
    expect(() => verifyIntegrity(Buffer.from('tarball bytez'), { integrity: sri(bytes) })).toThrow(/does not match/);
  });

  it('falls back to the sha1 shasum only when there is no integrity, and refuses when there is neither', () => {
    expect(() => verifyIntegrity(bytes, { shasum: shasum(bytes) })).not.toThrow();
    expect(() => verifyIntegrity(Buffer.from('other'), { shasum: shasum(bytes) })).toThrow(/does not match/);
    expect(() => verifyIntegrity(bytes, {})).toThrow(/neither an integrity hash nor a shasum/);
  });

  it('prefers the strongest hash in a multi-hash integrity string', () => {
    const integrity = `sha1-${Buffer.from('wrong').toString('base64')} ${sri(bytes)}`;
    expect(() => verifyIntegrity(bytes, { integrity })).not.toThrow();
  });

  // Issue 16 item 10: a malformed sha512 used to be skipped silently, and the sha1 shasum trusted instead.
  it('refuses a malformed sha512 with an INTEGRITY error instead of falling back to the sha1 shasum', () => {
    const attempt = () => verifyIntegrity(bytes, { integrity: 'sha512-!!!notbase64', shasum: shasum(bytes) });
    expect(attempt).toThrow(expect.objectContaining({ code: 'INTEGRITY' }));
    expect(attempt).toThrow(/"sha512-!!!notbase64" is malformed .*refusing to fall back/);
  });

  it('refuses a sha512 of the wrong length, and an integrity string naming no known hash', () => {
    const short = `sha512-${Buffer.from('too short').toString('base64')}`;
    expect(() => verifyIntegrity(bytes, { integrity: short, shasum: shasum(bytes) })).toThrow(/malformed/);
    expect(() => verifyIntegrity(bytes, { integrity: 'md5-abc', shasum: shasum(bytes) })).toThrow(
      expect.objectContaining({ code: 'INTEGRITY', message: expect.stringMatching(/names no hash docdelta can check/) }),
    );
  });

  it('still accepts a sha1 given in the integrity string itself, as old packages have', () => {
    expect(verifyIntegrity(bytes, { integrity: sri(bytes, 'sha1') })).toBe(sri(bytes, 'sha1'));
  });
});

describe('checkTarballUrl', () => {
  const registry = 'https://registry.npmjs.org/';
  it('allows tarballs on the registry origin', () => {
    expect(checkTarballUrl('https://registry.npmjs.org/x/-/x-1.0.0.tgz', registry).host).toBe('registry.npmjs.org');
  });
  it.each(['https://evil.example/x.tgz', 'http://registry.npmjs.org/x/-/x-1.0.0.tgz', 'http://169.254.169.254/latest/meta-data', 'file:///etc/passwd', 'not a url'])(
    'refuses %s',
    (url) => {
      expect(() => checkTarballUrl(url, registry)).toThrow(/refusing|not a URL/);
    },
  );
});
