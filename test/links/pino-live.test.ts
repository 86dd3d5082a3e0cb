// pino from the real registry: README-style docs (the package's own README.md plus docs/*.md, linked
// as `/docs/api.md` from the README) and `<a id=…>` anchors written without quotes.
import { describe, expect, it } from 'vitest';
import { listVersions } from '../../src/services/catalog.ts';
import { useRealPairs } from './support/real-pairs.ts';

describe('links of the real pino docs, 9.0 → 10.0', () => {
  const suite = useRealPairs('pino', ['9.0.0', '10.0.0'], [['9.0.0', '10.0.0']], 300_000);
  const report = () => suite.reports.get('9.0.0 10.0.0')!;

  it('serves the package root at / (README is the home page), as its links say', async () => {
    const listed = await listVersions(suite.ctx, 'pino', { docs: true });
    for (const version of listed.versions) expect(version.docs!.roots, version.version).toMatchObject([{ folder: '', route: '/', basis: 'links' }]);
    expect(report().routes.find((entry) => entry.path === 'README.md')?.route).toBe('/');
    expect(report().routes.find((entry) => entry.path === 'docs/api.md')?.route).toBe('/docs/api');
  });

  it('resolves unquoted <a id=…> anchors; what is left is a link to a page that does not exist', () => {
    expect(report().internal.map((link) => `${link.file} ${link.target}`)).toEqual(['docs/diagnostics.md tc']);
    expect(report().counts.links.to.checked).toBeGreaterThan(200);
  });
});
