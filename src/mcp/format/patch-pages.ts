// A long patch split into pages of at most `budget` characters, at hunk boundaries where it can be
// (a hunk larger than a page is split between lines). Page 1 keeps the `diff --git` header.
export function pagePatch(patch: string, budget: number): string[] {
  if (patch.length <= budget) return [patch];
  const lines = patch.split(/(?<=\n)/);
  const pages: string[] = [];
  let page = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const startsHunk = line.startsWith('@@');
    // Start a new page at a hunk header once this page is at least half full, so pages stay useful.
    if (page.length > 0 && ((startsHunk && page.length >= budget / 2) || page.length + line.length > budget)) {
      pages.push(page);
      page = '';
    }
    page += line.length > budget ? `${line.slice(0, budget - 2)}…\n` : line;
  }
  if (page) pages.push(page);
  return pages;
}
