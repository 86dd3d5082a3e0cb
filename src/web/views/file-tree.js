// The changed files as a folder tree beside the list, like a code review's file browser: folders
// fold, chains of single folders show as one (`.docs/organized/docs`), each file links to its row,
// and the tree follows the filter.
import { h } from '../dom.js';

const STATUS_LETTER = { added: 'A', removed: 'D', modified: 'M', renamed: 'R' };

function buildTree(files) {
  const root = { name: '', folders: new Map(), files: [] };
  for (const change of files) {
    const parts = change.path.split('/');
    let folder = root;
    for (const part of parts.slice(0, -1)) {
      if (!folder.folders.has(part)) folder.folders.set(part, { name: part, folders: new Map(), files: [] });
      folder = folder.folders.get(part);
    }
    folder.files.push({ name: parts[parts.length - 1], change });
  }
  return root;
}

/** Joins a folder with its only child folder while it holds no file of its own. */
function compact(folder) {
  let name = folder.name;
  let current = folder;
  while (current.files.length === 0 && current.folders.size === 1) {
    const [only] = current.folders.values();
    name = name ? `${name}/${only.name}` : only.name;
    current = only;
  }
  return { name, folder: current };
}

export class FileTree {
  constructor(diff, anchors, filters) {
    this.entries = [];
    this.folders = [];
    const root = buildTree(diff.files);
    this.element = h('nav', { class: 'file-tree', 'aria-label': 'Changed files by folder' }, h('ul', { class: 'tree-root' }, this.#children(root, anchors)));
    filters.onChange(() => this.applyFilter(filters));
    this.applyFilter(filters);
  }

  #children(folder, anchors) {
    const items = [];
    const sortedFolders = [...folder.folders.values()].sort((a, b) => a.name.localeCompare(b.name));
    for (const child of sortedFolders) {
      const { name, folder: inner } = compact(child);
      const details = h('details', { open: true }, h('summary', { class: 'tree-folder', title: name }, h('span', { class: 'tree-folder-name', text: `${name}/` })), h('ul', {}, this.#children(inner, anchors)));
      const item = h('li', { class: 'tree-branch' }, details);
      this.folders.push(item);
      items.push(item);
    }
    for (const file of [...folder.files].sort((a, b) => a.name.localeCompare(b.name))) {
      const { change } = file;
      const link = h(
        'a',
        { class: 'tree-file', href: `#${anchors.byPath.get(change.path)}`, title: change.status === 'renamed' ? `${change.oldPath} → ${change.path}` : change.path },
        h('span', { class: `tree-status status-${change.status}`, text: STATUS_LETTER[change.status] }),
        h('span', { class: 'tree-file-name', text: file.name }),
      );
      const item = h('li', { class: 'tree-leaf' }, link);
      this.entries.push({ item, change });
      items.push(item);
    }
    return items;
  }

  applyFilter(filters) {
    for (const entry of this.entries) entry.item.hidden = !filters.matches(entry.change);
    // A folder shows while any file below it, however deep, matches.
    for (const folder of this.folders) folder.hidden = !folder.querySelector('li.tree-leaf:not([hidden])');
  }
}
