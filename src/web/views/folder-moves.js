// Folder moves come first: one line explains dozens of renames (user-management → authkit).
import { h } from '../dom.js';
import { plural, splitRename } from '../format.js';

function moveLabel(move) {
  const { head, before, after, tail } = splitRename(`${move.from}/`, `${move.to}/`);
  return h('code', { class: 'move-path' }, head, '{', h('span', { class: 'old-name', text: before }), h('span', { class: 'arrow', text: ' → ' }), h('span', { class: 'new-name', text: after }), '}', tail);
}

export function movesPanel(moves, filters, onShowFiles) {
  if (moves.length === 0) return null;
  return h(
    'section',
    { class: 'panel moves', 'aria-label': 'Folder moves' },
    h('h2', { text: moves.length === 1 ? 'Folder moved' : `${moves.length} folders moved` }),
    h(
      'ul',
      {},
      moves.map((move) =>
        h(
          'li',
          { class: 'move' },
          moveLabel(move),
          h('span', { class: 'muted', text: `${plural(move.files, 'file')}${move.edited ? `, ${move.edited} edited` : ', none edited'}` }),
          h('button', {
            type: 'button',
            class: 'link-button',
            text: 'show files',
            on: {
              click: () => {
                // The package root (`.`) is every path; there is nothing narrower to filter on.
                const prefix = move.to === '.' ? '' : `${move.to}/`;
                filters.setText(prefix);
                onShowFiles(prefix);
              },
            },
          }),
        ),
      ),
    ),
  );
}
