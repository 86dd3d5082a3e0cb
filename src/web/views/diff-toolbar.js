// Filter box, unified/split switch, whitespace toggle, open/close all, and the raw formats of the
// same diff.
import { h } from '../dom.js';
import { readSetting, writeSetting } from '../storage.js';

const VIEW_KEY = 'docdelta:view';
const OPEN_ALL_LIMIT = 60;

export function storedView() {
  return readSetting('localStorage', VIEW_KEY) === 'split' ? 'split' : 'unified';
}

const rememberView = (view) => writeSetting('localStorage', VIEW_KEY, view);

function apiLink(diff, format, label) {
  const params = new URLSearchParams({ package: diff.package, from: diff.from, to: diff.to, format });
  return h('a', { href: `/diff?${params}`, class: 'raw-link', text: label });
}

export function diffToolbar(diff, filters, list, state) {
  let debounce = null;
  const input = h('input', {
    type: 'search',
    value: filters.text,
    class: 'filter-input',
    placeholder: 'Filter files by path or title…',
    'aria-label': 'Filter files',
    autocomplete: 'off',
    spellcheck: 'false',
    on: {
      input: () => {
        clearTimeout(debounce);
        debounce = setTimeout(() => filters.setText(input.value), 80);
      },
    },
  });
  filters.onChange((_filters, kind) => {
    // A status or whitespace toggle leaves the box alone (the user may still be typing); a filter
    // set elsewhere (a folder move's "show files", a permalink's reset) replaces what is typed.
    if (kind === 'status' || kind === 'whitespace' || input.value.trim() === filters.text) return;
    clearTimeout(debounce);
    input.value = filters.text;
  });

  const viewButtons = ['unified', 'split'].map((view) =>
    h('button', {
      type: 'button',
      class: 'segment',
      'aria-pressed': String(state.view === view),
      text: view === 'unified' ? 'Unified' : 'Split',
      on: {
        click: () => {
          state.view = view;
          rememberView(view);
          for (const button of viewButtons) button.setAttribute('aria-pressed', String(button.textContent.toLowerCase() === view));
          list.refreshViews();
        },
      },
    }),
  );

  const openAll = h('button', {
    type: 'button',
    class: 'link-button open-all',
    text: 'open all',
    title: `Open every shown file (at most ${OPEN_ALL_LIMIT})`,
    on: { click: () => list.setExpanded(true, OPEN_ALL_LIMIT) },
  });
  // Counted from the filter itself, not from rows drawn so far or hidden by a listener yet to run.
  const refreshOpenAll = () => {
    openAll.disabled = list.shownCount() > OPEN_ALL_LIMIT;
  };
  filters.onChange(refreshOpenAll);
  refreshOpenAll();

  const whitespace = h('input', { type: 'checkbox', class: 'whitespace-toggle', checked: filters.ignoreWhitespace, on: { change: () => filters.setIgnoreWhitespace(whitespace.checked) } });
  filters.onChange(() => {
    whitespace.checked = filters.ignoreWhitespace;
  });

  return {
    input,
    element: h(
      'div',
      { class: 'toolbar' },
      input,
      list.counter,
      h('span', { class: 'toolbar-spacer' }),
      openAll,
      h('button', { type: 'button', class: 'link-button', text: 'close all', on: { click: () => list.setExpanded(false) } }),
      h('label', { class: 'toggle-label', title: 'Hide changes that only add, remove or swap whitespace (like git diff -w)' }, whitespace, ' hide whitespace'),
      h('span', { class: 'segmented', role: 'group', 'aria-label': 'Diff layout' }, viewButtons),
      h('span', { class: 'raw-links' }, 'raw: ', apiLink(diff, 'patch', 'patch'), ' · ', apiLink(diff, 'markdown', 'markdown'), ' · ', apiLink(diff, 'json', 'json')),
    ),
  };
}
