// Which folder of a package holds its docs, so routes can be derived without per-package setup.
import { isMarkdownPath, isPartialPath } from './routes.ts';

/** Folder names doc sites and packages use for their pages. */
const CONVENTIONAL_NAMES = new Set(['docs', 'doc', 'documentation', 'content', 'pages', 'guides']);

/**
 * The conventionally named folder (`.docs/organized/docs/`, `docs/`, `website/content/`…) holding the
 * most pages; on a tie the deeper one, which is the more specific. Null when no such folder holds a page.
 * Callers with a configured root pass it to `normalizeFile` instead of calling this.
 */
export function detectDocsRoot(paths: string[]): string | null {
  const counts = new Map<string, number>();
  for (const path of paths) {
    if (!isMarkdownPath(path) || isPartialPath(path)) continue;
    const segments = path.split('/');
    for (let depth = 1; depth < segments.length; depth++) {
      if (!CONVENTIONAL_NAMES.has(segments[depth - 1] ?? '')) continue;
      const folder = `${segments.slice(0, depth).join('/')}/`;
      counts.set(folder, (counts.get(folder) ?? 0) + 1);
    }
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [folder, count] of counts) {
    if (best === null || count > bestCount || (count === bestCount && isBetterTie(folder, best))) {
      best = folder;
      bestCount = count;
    }
  }
  return best;
}

function isBetterTie(candidate: string, current: string): boolean {
  const depth = (folder: string) => folder.split('/').length;
  if (depth(candidate) !== depth(current)) return depth(candidate) > depth(current);
  return candidate < current;
}
