// Every link of every page and navigation file of one version, resolved against that same version.
import type { LinkConventions } from './conventions.ts';
import { metadataUrlCounts } from './frontmatter-metadata.ts';
import { type LinkTarget, parseLinkTarget } from './link-target.ts';
import { type Resolution, resolveTarget } from './resolve-link.ts';
import type { RouteIndex } from './route-index.ts';
import type { VersionDocs } from './version-docs.ts';
import type { DocLink } from '../types.ts';

export interface CheckedLink {
  /** Package path of the file holding the link. */
  file: string;
  line: number;
  kind: DocLink['kind'];
  target: string;
  parsed: LinkTarget;
  /** Null for links that are not ours to check (other sites, mail, templates). */
  resolution: Resolution | null;
  /** A `url:` the page declares about itself in a metadata subtree of its frontmatter. */
  metadata: boolean;
}

export function checkVersionLinks(docs: VersionDocs, index: RouteIndex, conventions: LinkConventions): CheckedLink[] {
  const checked: CheckedLink[] = [];
  for (const source of docs.sources) {
    const metadata = metadataUrlCounts(source.frontmatter, conventions.frontmatterMetadataKeys);
    for (const link of source.links) {
      let isMetadata = false;
      const remaining = link.kind === 'frontmatter' ? (metadata.get(link.target) ?? 0) : 0;
      if (remaining > 0) {
        metadata.set(link.target, remaining - 1);
        isMetadata = true;
      }
      const parsed = parseLinkTarget(link.target, {
        sourcePath: source.path,
        sourceRoute: source.route,
        baseUrl: conventions.baseUrl,
        rootRelativeTo: 'docs',
      });
      checked.push({ file: source.path, line: link.line, kind: link.kind, target: link.target, parsed, resolution: resolveTarget(index, parsed, conventions), metadata: isMetadata });
    }
  }
  return checked;
}

export function isBroken(link: CheckedLink): link is CheckedLink & { resolution: Extract<Resolution, { ok: false }> } {
  return link.resolution !== null && !link.resolution.ok && !link.metadata;
}
