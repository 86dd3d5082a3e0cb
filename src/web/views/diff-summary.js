// The counts at the top of a diff; each status count doubles as a filter toggle.
import { h } from '../dom.js';
import { formatCount, plural } from '../format.js';
import { STATUSES } from './filters.js';

export function summaryPanel(diff, filters) {
  const { summary } = diff;
  const files = summary.added + summary.removed + summary.modified + summary.renamed;
  const chips = STATUSES.map((status) => {
    const chip = h(
      'button',
      {
        type: 'button',
        class: `chip chip-${status}`,
        'aria-pressed': String(filters.statuses.has(status)),
        title: `Show or hide ${status} files`,
        on: { click: () => filters.toggleStatus(status) },
      },
      h('strong', { text: formatCount(summary[status]) }),
      ` ${status}`,
    );
    chip.disabled = summary[status] === 0;
    return { status, chip };
  });
  filters.onChange(() => {
    for (const { status, chip } of chips) chip.setAttribute('aria-pressed', String(filters.statuses.has(status)));
  });

  const lines = summary.additions + summary.deletions;
  const ratio = h('span', { class: 'ratio-bar', 'aria-hidden': 'true' });
  if (lines > 0) {
    const added = h('span', { class: 'bar-add' });
    const deleted = h('span', { class: 'bar-del' });
    added.style.width = `${(summary.additions / lines) * 100}%`;
    deleted.style.width = `${(summary.deletions / lines) * 100}%`;
    ratio.append(added, deleted);
  }

  return h(
    'section',
    { class: 'panel summary', 'aria-label': 'Summary' },
    h(
      'div',
      { class: 'summary-head' },
      h('span', { class: 'summary-total', text: `${plural(files, 'file')} changed` }),
      h('span', { class: 'summary-lines' }, h('span', { class: 'added-text', text: `+${formatCount(summary.additions)}` }), ' ', h('span', { class: 'removed-text', text: `−${formatCount(summary.deletions)}` }), ' lines'),
      ratio,
    ),
    h('div', { class: 'chips' }, chips.map(({ chip }) => chip)),
  );
}
