// Permalink anchors for files: `file-` + the path in lower case with every run of other
// characters turned into one `-` — the same rule as src/api/web-urls.ts, so links built by the
// digest or the changelog land on the right file. Collisions within one diff get `-2`, `-3`.

export function fileAnchor(path) {
  const slug = path.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `file-${slug}`;
}

/** Anchor of every change (by new path), plus the old paths of renames as aliases. */
export function assignAnchors(files) {
  const byPath = new Map();
  const aliases = new Map();
  const used = new Set();
  for (const change of files) {
    const base = fileAnchor(change.path);
    let anchor = base;
    for (let n = 2; used.has(anchor); n++) anchor = `${base}-${n}`;
    used.add(anchor);
    byPath.set(change.path, anchor);
  }
  for (const change of files) {
    if (change.status !== 'renamed') continue;
    const alias = fileAnchor(change.oldPath);
    if (!used.has(alias) && !aliases.has(alias)) aliases.set(alias, byPath.get(change.path));
  }
  return { byPath, aliases };
}
