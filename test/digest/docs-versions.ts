// Small docs packages for digest runs: each version changes a page or two, so every range between
// two of them has something to say.
import type { SeedVersion } from '../support/seed.ts';

export function docsVersions(versions: string[], startDay = 1): SeedVersion[] {
  return versions.map((version, index) => ({
    version,
    publishedAt: new Date(Date.UTC(2025, 5, startDay + index)),
    files: {
      'package.json': `{"name":"x","version":"${version}"}\n`,
      'docs/index.mdx': `---\ntitle: Home\n---\n\n# Home\n\nRelease ${version}.\n`,
      'docs/guide.mdx': `---\ntitle: Guide\n---\n\n# Guide\n\n${Array.from({ length: index + 1 }, (_, i) => `Step ${i + 1}.`).join('\n\n')}\n`,
      [`docs/notes-${version.replace(/\./g, '-')}.mdx`]: `---\ntitle: Notes for ${version}\n---\n\n# Notes\n`,
    },
  }));
}
