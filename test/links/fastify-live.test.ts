// fastify from the real registry: a plain `docs/` folder of GitHub-style Markdown (`Index.md` pages,
// relative `./Server.md#x` links, `<a id>` anchors), and a release (5.8) whose absolute links to
// fastify.dev/docs/latest teach a route scheme the earlier releases never state.
import { describe, expect, it } from 'vitest';
import { listVersions } from '../../src/services/catalog.ts';
import { useRealPairs } from './support/real-pairs.ts';

const NAME = 'fastify';
const PAIRS: Array<[string, string]> = [
  ['4.28.1', '5.0.0'],
  ['5.0.0', '5.8.0'],
];

describe('links of the real fastify docs, 4.28 → 5.8', () => {
  const suite = useRealPairs(NAME, ['4.28.1', '5.0.0', '5.8.0'], PAIRS, 300_000);
  const { reports } = suite;

  it('finds docs/ by its name where links teach nothing, and learns fastify.dev/docs/latest where they do', async () => {
    const listed = await listVersions(suite.ctx, NAME, { docs: true });
    const layout = (version: string) => listed.versions.find((entry) => entry.version === version)!.docs!;
    expect(layout('5.0.0').roots).toMatchObject([{ folder: 'docs/', route: '/', basis: 'folder-name' }]);
    expect(layout('5.8.0').roots).toMatchObject([{ folder: 'docs/', route: '/docs/latest', basis: 'links' }]);
    expect(layout('5.8.0').baseUrl).toBe('https://fastify.dev');
  });

  it('reads both versions of a pair with one scheme: no page "moves" because a release added absolute links', () => {
    const report = reports.get('5.0.0 5.8.0')!;
    expect(report.counts.routes).toMatchObject({ moved: 0, removed: 0 });
    expect(report.counts.routes.same).toBe(report.counts.pages.from);
    expect(report.routes.find((entry) => entry.path === 'docs/Reference/Hooks.md')?.route).toBe('/docs/latest/Reference/Hooks');
  });

  it('resolves Index.md pages, relative file links, <a id> anchors and repository-root .md links', () => {
    for (const report of reports.values()) {
      const broken = report.internal.map((link) => link.target);
      expect(broken.filter((target) => /^#(decorate-request|fst_err_not_found|factory-body-limit)$/.test(target)), report.to).toEqual([]);
      expect(broken.filter((target) => target.startsWith('/docs/Reference/')), report.to).toEqual([]);
      // What is left is really broken (stale tables of contents, a guide that does not exist): a handful.
      expect(report.counts.internal, report.to).toBeLessThan(20);
      expect(report.counts.links.to.checked, report.to).toBeGreaterThan(600);
    }
  });
});
