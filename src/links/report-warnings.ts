// No silent all-clear. A link check that found no pages, whose routes match almost none of the docs'
// own links, or that checked nothing at all has not shown that the links work: it says so, and every
// consumer passes it on (the CLI exits 2, JSON and MCP carry it, the digest mentions it).
import type { DocsLayout } from '../normalize/index.ts';

export type LinkWarningCode = 'no-pages' | 'scheme-mismatch' | 'nothing-checked' | 'layout';

export interface LinkWarning {
  code: LinkWarningCode;
  /** The version it is about, or null for the pair. */
  version: string | null;
  message: string;
  /** True when the report cannot be trusted as an all-clear: the CLI exits 2 on these. */
  blocking: boolean;
}

interface VersionFacts {
  version: string;
  layout: DocsLayout;
  files: number;
  /** Links into the docs that were resolved, and how many of them failed. */
  checked: number;
  broken: number;
}

/** Below this many checked links a resolution rate says little. */
const MIN_LINKS_FOR_RATE = 20;
/** A route scheme that resolves under half of the docs' own links is the wrong scheme, not a broken site. */
const MIN_RESOLVED_SHARE = 0.5;

const SETTINGS_HINT = 'see `docdelta versions` for what was detected, and correct it with `docdelta settings docs.roots=…` (README: "Docs layout")';

function describeRoots(layout: DocsLayout): string {
  return layout.roots.length === 0 ? 'no docs folder' : layout.roots.map((root) => `${root.folder || '(package root)'} at ${root.route}`).join(', ');
}

export function linkWarnings(from: VersionFacts, to: VersionFacts, options: { scanning: boolean }): LinkWarning[] {
  const warnings: LinkWarning[] = [];
  for (const facts of from.version === to.version ? [to] : [from, to]) {
    if (facts.layout.pages === 0) {
      const looked = facts.layout.warnings.find((warning) => warning.startsWith('no pages found')) ?? `no pages found in ${facts.files} files`;
      warnings.push({ code: 'no-pages', version: facts.version, blocking: true, message: `${facts.version}: ${looked}; ${SETTINGS_HINT}` });
      continue;
    }
    for (const warning of facts.layout.warnings) warnings.push({ code: 'layout', version: facts.version, blocking: false, message: `${facts.version}: ${warning}` });
    if (facts.checked >= MIN_LINKS_FOR_RATE && facts.checked - facts.broken < facts.checked * MIN_RESOLVED_SHARE) {
      const share = Math.round(((facts.checked - facts.broken) / facts.checked) * 100);
      warnings.push({
        code: 'scheme-mismatch',
        version: facts.version,
        blocking: true,
        message: `${facts.version}: only ${share}% of its ${facts.checked} internal links resolve to a page under ${describeRoots(facts.layout)}; the route scheme is likely wrong rather than the links; ${SETTINGS_HINT}`,
      });
    }
  }
  if (!options.scanning && from.checked === 0 && to.checked === 0 && from.layout.pages > 0 && to.layout.pages > 0) {
    warnings.push({
      code: 'nothing-checked',
      version: null,
      blocking: true,
      message: `no internal link was checked in ${from.version} or ${to.version} (${describeRoots(to.layout)}): the pages link only to other sites, or their links are not recognised as internal (set links.baseUrl if they are absolute)`,
    });
  }
  return warnings;
}
