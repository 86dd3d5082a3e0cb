// diff2html draws a split view as two tables side by side, each scrolling on its own, with one row
// per line: long lines are cut or scroll apart. Joined into one table (old number, old line, new
// number, new line per row), each pair of lines shares a row, so lines can wrap and both sides stay
// level and scroll together.
import { h } from '../dom.js';

export function joinSplitSides(holder) {
  for (const files of holder.querySelectorAll('.d2h-files-diff')) {
    const sides = files.querySelectorAll(':scope > .d2h-file-side-diff');
    if (sides.length !== 2) continue;
    const left = [...sides[0].querySelectorAll('tr')];
    const right = [...sides[1].querySelectorAll('tr')];
    if (left.length !== right.length) continue; // not the shape we know: leave diff2html's view
    const body = h('tbody', { class: 'd2h-diff-tbody' });
    left.forEach((row, index) => {
      const joined = h('tr', { class: 'split-row' });
      joined.append(...row.children, ...right[index].children);
      body.append(joined);
    });
    const table = h(
      'table',
      { class: 'd2h-diff-table split-table' },
      h('colgroup', {}, h('col', { class: 'col-num' }), h('col', { class: 'col-line' }), h('col', { class: 'col-num' }), h('col', { class: 'col-line' })),
      body,
    );
    files.replaceChildren(h('div', { class: 'd2h-file-side-diff split-joined' }, table));
  }
}

/**
 * No-break spaces look like spaces; a line whose only change is one looks unchanged. Each one in a
 * changed line is wrapped so the stylesheet can show it (⍽).
 */
export function markNoBreakSpaces(holder) {
  for (const content of holder.querySelectorAll('.d2h-del .d2h-code-line-ctn, .d2h-ins .d2h-code-line-ctn')) {
    const walker = document.createTreeWalker(content, window.NodeFilter.SHOW_TEXT);
    const texts = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.data.includes('\u00a0')) texts.push(node);
    for (const node of texts) {
      const parts = node.data.split('\u00a0');
      const replacement = [];
      parts.forEach((part, index) => {
        if (index > 0) replacement.push(h('span', { class: 'nbsp', title: 'no-break space (U+00A0)', text: '\u00a0' }));
        if (part) replacement.push(part);
      });
      node.replaceWith(...replacement);
    }
  }
}
