// A version pair: summary, folder moves, then every changed file, filterable and openable.
import { h, replaceChildren } from '../dom.js';
import { diffHeader } from './diff-header.js';
import { summaryPanel } from './diff-summary.js';
import { diffToolbar, storedView } from './diff-toolbar.js';
import { FileList } from './file-list.js';
import { Filters } from './filters.js';
import { movesPanel } from './folder-moves.js';

export async function renderDiff(main, context, data) {
  const diff = await data;
  if (!context.isCurrent()) return null;
  document.title = `${diff.package} ${diff.from} → ${diff.to} — docdelta`;

  const state = { view: storedView() };
  const filters = new Filters();
  const list = new FileList(diff, filters, () => state.view);
  const toolbar = diffToolbar(diff, filters, list, state);
  filters.onChange(() => list.applyFilter());

  const files = diff.files.length;
  replaceChildren(
    main,
    diffHeader(diff, context),
    summaryPanel(diff, filters),
    movesPanel(diff.moves, filters, () => toolbar.input.scrollIntoView({ block: 'nearest' })),
    files === 0
      ? h('section', { class: 'panel' }, h('p', { text: 'These two versions hold exactly the same files.' }))
      : h('section', { class: 'files', 'aria-label': 'Changed files' }, toolbar.element, list.element, list.noMatch),
  );
  window.performance.mark('docdelta:summary');
  if (window.location.hash) list.openAnchor(window.location.hash);
  else window.scrollTo(0, 0);
  return { onHash: (hash) => list.openAnchor(hash), dispose: () => list.dispose() };
}
