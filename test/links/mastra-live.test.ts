// @mastra/mcp-docs-server from the real registry, across the 0.13 → 1.2 restructuring: pages under
// `.docs/raw/<section>/` served at /docs/<section> (and /reference), then `.docs/{docs,reference,…}`
// served at mastra.ai/<folder>/… — learned from the docs' own links, with no setting.
import { describe, expect, it } from 'vitest';
import { renderNetlify } from '../../src/links/redirects.ts';
import { listVersions } from '../../src/services/catalog.ts';
import { getVersionDiff } from '../../src/services/version-diff.ts';
import { useRealPairs } from './support/real-pairs.ts';

const NAME = '@mastra/mcp-docs-server';
const VERSIONS = ['0.13.1', '0.13.31', '1.1.19', '1.1.45', '1.2.22'];
const PAIRS: Array<[string, string]> = [
  ['0.13.1', '0.13.31'],
  ['0.13.31', '1.1.19'],
  ['1.1.19', '1.1.45'],
  ['1.1.45', '1.2.22'],
  ['1.2.22', '1.1.45'],
];

describe('links of the real @mastra/mcp-docs-server, 0.13 → 1.2', () => {
  const suite = useRealPairs(NAME, VERSIONS, PAIRS, 600_000);
  const { reports } = suite;

  it('finds the pages of every version and says where and why', async () => {
    const listed = await listVersions(suite.ctx, NAME, { docs: true });
    const layout = (version: string) => listed.versions.find((entry) => entry.version === version)!.docs!;
    expect(layout('0.13.31').roots.map((root) => [root.folder, root.route])).toEqual([
      ['.docs/raw/reference/', '/reference'],
      ['.docs/raw/', '/docs'],
    ]);
    for (const version of ['1.1.19', '1.1.45', '1.2.22']) {
      expect(layout(version).roots.map((root) => [root.folder, root.route]), version).toEqual([['.docs/', '/']]);
      expect(layout(version).baseUrl, version).toBe('https://mastra.ai');
    }
    for (const entry of listed.versions) {
      expect(entry.docs!.pages, entry.version).toBeGreaterThan(entry.files / 2);
      expect(entry.docs!.roots.every((root) => root.why.length > 0)).toBe(true);
    }
  });

  it('maps the 0.13 → 1.1 restructuring route by route instead of reporting nothing', () => {
    const report = reports.get('0.13.31 1.1.19')!;
    expect(report.counts.routes.same + report.counts.routes.moved).toBeGreaterThan(100);
    expect(report.routes.find((entry) => entry.route === '/docs/agents/overview')).toMatchObject({ status: 'same' });
    expect(report.counts.links.from.checked).toBeGreaterThan(100);
    expect(report.counts.links.to.checked).toBeGreaterThan(500);
  });

  it('counts renames into reference/ and integrations/ as moves of pages, not removals', () => {
    for (const report of reports.values()) {
      const removedButRenamed = report.routes.filter((entry) => entry.status === 'removed' && entry.reason?.includes('which is not a page'));
      expect(removedButRenamed.map((entry) => entry.route), `${report.from} → ${report.to}`).toEqual([]);
    }
  });

  it('reports a folder move only where it explains at least half of the old folder, listing the rest', async () => {
    for (const [from, to] of PAIRS) {
      const diff = await getVersionDiff(suite.ctx, { package: NAME, from, to });
      for (const move of diff.moves) {
        expect(move.files * 2, `${from} → ${to}: ${move.from} → ${move.to}`).toBeGreaterThanOrEqual(move.folderFiles!);
        expect(move.uncoveredCount).toBe(move.folderFiles! - move.files);
      }
      expect(diff.moves.some((move) => move.from === '.docs/reference' && move.to === '.docs/integrations'), `${from} → ${to}`).toBe(false);
    }
  });

  it('never sends /harness/* to /agents on the strength of 2 of 8 files', () => {
    const text = renderNetlify(reports.get('1.2.22 1.1.45')!.redirects, { package: NAME, from: '1.2.22', to: '1.1.45', basePath: '' });
    expect(text).not.toMatch(/^\/harness\/\*/m);
  });
});
