// The page's module list in index.html must match the files: a module missing from the preload
// list is fetched late (a waterfall), a listed one that does not exist is a 404 on every visit.
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffPageUrl, fileAnchor } from '../../src/api/web-urls.ts';
import { WEB_ROOT } from '../../src/api/web-assets.ts';

async function browserModules(folder: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fs.readdir(folder, { withFileTypes: true })) {
    if (entry.isDirectory()) out.push(...(await browserModules(path.join(folder, entry.name), `${prefix}${entry.name}/`)));
    else if (entry.name.endsWith('.js')) out.push(`${prefix}${entry.name}`);
  }
  return out;
}

describe('the web page assets', () => {
  it('preloads every browser module but the entry point, and nothing else', async () => {
    const html = await fs.readFile(path.join(WEB_ROOT, 'index.html'), 'utf8');
    const preloaded = [...html.matchAll(/<link rel="modulepreload" href="\/assets\/([^"]+)">/g)].map((match) => match[1]).sort();
    const modules = (await browserModules(WEB_ROOT)).filter((name) => name !== 'app.js').sort();
    expect(preloaded).toEqual(modules);
    expect(html).toContain('<script type="module" src="/assets/app.js"></script>');
  });

  it('builds the same anchors and page URLs in the server and in the page', async () => {
    const page = await import(path.join(WEB_ROOT, 'anchors.js'));
    const routes = await import(path.join(WEB_ROOT, 'routes.js'));
    for (const file of ['.docs/organized/docs/authkit/users.mdx', 'README.md', 'docs/Ünïcode  name.mdx', '-x-/y_z.MDX']) {
      expect(page.fileAnchor(file)).toBe(fileAnchor(file));
    }
    const url = diffPageUrl('http://example.test/', { package: '@scope/name', from: '1.0.0+build', to: 'v2.0.0-rc.1', path: 'docs/a.mdx' });
    expect(url).toBe('http://example.test/p/@scope/name/diff/1.0.0%2Bbuild...v2.0.0-rc.1#file-docs-a-mdx');
    const parsed = new URL(url);
    expect(routes.parseLocation(parsed)).toEqual({ view: 'diff', pkg: '@scope/name', from: '1.0.0+build', to: 'v2.0.0-rc.1' });
    expect(`http://example.test${routes.diffUrl('@scope/name', '1.0.0+build', 'v2.0.0-rc.1')}`).toBe(url.replace(/#.*$/, ''));
    expect(routes.parseLocation(new URL('http://x/?package=p&from=1.0.0&to=2.0.0'))).toEqual({ view: 'diff', pkg: 'p', from: '1.0.0', to: '2.0.0' });
    expect(routes.parseLocation(new URL('http://x/p/%40scope%2Fname'))).toEqual({ view: 'package', pkg: '@scope/name' });
  });
});
