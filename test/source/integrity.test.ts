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
