// A version pair: summary, folder moves, then every changed file — beside a folder tree, filterable
// (the filter lives in the address), openable, and walkable with j/k.
import { h, replaceChildren } from '../dom.js';
import { readSetting, writeSetting } from '../storage.js';
import { diffHeader } from './diff-header.js';
import { summaryPanel } from './diff-summary.js';
import { diffToolbar, storedView } from './diff-toolbar.js';
import { FileList } from './file-list.js';
import { FileTree } from './file-tree.js';
import { Filters } from './filters.js';
import { movesPanel } from './folder-moves.js';
import { bindViewKeys } from './shortcuts.js';

const TREE_KEY = 'docdelta:tree';

function treeShownByDefault() {
  const stored = readSetting('localStorage', TREE_KEY);
  if (stored) return stored === 'shown';
  return window.matchMedia('(min-width: 1100px)').matches;
}

const rememberTree = (shown) => writeSetting('localStorage', TREE_KEY, shown ? 'shown' : 'hidden');

export async function renderDiff(main, context, data) {
  const diff = await data;
  if (!context.isCurrent()) return null;
  document.title = `${diff.package} ${diff.from} → ${diff.to} — docdelta`;

  const state = { view: storedView() };
  const filters = Filters.fromQuery(window.location.search);
  const list = new FileList(diff, filters, () => state.view);
  const toolbar = diffToolbar(diff, filters, list, state);
  // Reload or share the link: the same files show.
  filters.onChange(() => context.replaceUrl(`${window.location.pathname}${filters.toQuery(window.location.search)}${window.location.hash}`));

  const files = diff.files.length;
  let layout = null;
  if (files > 0) {
    const tree = new FileTree(diff, list.anchors, filters);
    const treeToggle = h('button', {
      type: 'button',
      class: 'icon-button tree-toggle',
      'aria-label': 'Show or hide the file tree',
      title: 'File tree',
      text: '☰',
      on: {
        click: () => {
          const shown = layout.classList.toggle('with-tree');
          treeToggle.setAttribute('aria-pressed', String(shown));
          rememberTree(shown);
        },
      },
    });
    toolbar.element.prepend(treeToggle);
    const withTree = treeShownByDefault();
    treeToggle.setAttribute('aria-pressed', String(withTree));
    layout = h('div', { class: ['diff-layout', withTree && 'with-tree'] }, h('aside', { class: 'tree-pane' }, tree.element), h('section', { class: 'files', 'aria-label': 'Changed files' }, toolbar.element, list.element, list.noMatch));
  }

  replaceChildren(
    main,
    diffHeader(diff, context, 'diff'),
    summaryPanel(diff, filters),
    movesPanel(diff.moves, filters, () => toolbar.input.scrollIntoView({ block: 'nearest' })),
    layout ?? h('section', { class: 'panel' }, h('p', { text: 'These two versions hold exactly the same files.' })),
  );
  window.performance.mark('docdelta:summary');
  if (window.location.hash) list.openAnchor(window.location.hash);
  else window.scrollTo(0, 0);

  const unbind = bindViewKeys(
    {
      j: () => list.step(1),
      k: () => list.step(-1),
      '/': () => {
        toolbar.input.focus();
        toolbar.input.select();
      },
    },
    [
      ['j', 'Next file (opens it)'],
      ['k', 'Previous file'],
      ['/', 'Filter files'],
    ],
  );
  return {
    onHash: (hash) => list.openAnchor(hash),
    dispose: () => {
      unbind();
      list.dispose();
    },
  };
}
