// Keyboard shortcuts: `?` opens the list anywhere; a view binds its own keys (the diff viewer's
// j/k and /) for as long as it is shown. Keys typed into a field are the field's, never ours.
import { h } from '../dom.js';

const GLOBAL = [['?', 'Show these shortcuts'], ['Esc', 'Close this list, or leave the filter box']];
let viewKeys = null;
let dialog = null;

function typingInField(event) {
  const target = event.target;
  if (!(target instanceof window.Element)) return false;
  return Boolean(target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]'));
}

function helpDialog() {
  const rows = [...(viewKeys?.describe ?? []), ...GLOBAL];
  const list = h('dl', { class: 'shortcut-list' }, rows.map(([key, what]) => [h('dt', {}, h('kbd', { text: key })), h('dd', { text: what })]));
  const close = h('button', { type: 'button', class: 'button', text: 'Close', on: { click: () => dialog?.close() } });
  return h('dialog', { class: 'shortcut-help', 'aria-label': 'Keyboard shortcuts' }, h('h2', { text: 'Keyboard shortcuts' }), list, h('div', { class: 'form-actions' }, close));
}

export function showShortcutHelp() {
  dialog?.remove();
  dialog = helpDialog();
  document.body.append(dialog);
  dialog.addEventListener('close', () => {
    dialog?.remove();
    dialog = null;
  });
  dialog.showModal();
}

/** Installs the one keydown listener of the page (once, from app.js). */
export function installShortcutHelp() {
  for (const button of document.querySelectorAll('.shortcut-button')) button.addEventListener('click', showShortcutHelp);
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (typingInField(event)) {
      if (event.key === 'Escape' && event.target instanceof window.HTMLElement) event.target.blur();
      return;
    }
    if (dialog) return; // the modal dialog handles its own Escape
    if (event.key === '?') {
      event.preventDefault();
      showShortcutHelp();
      return;
    }
    const handler = viewKeys?.handlers[event.key];
    if (handler) {
      event.preventDefault();
      handler();
    }
  });
}

/**
 * Keys of the current view: `handlers` maps a key to a function, `describe` lists [key, what] for
 * the help. Returns the function that unbinds them (call it from the view's dispose).
 */
export function bindViewKeys(handlers, describe) {
  const bound = { handlers, describe };
  viewKeys = bound;
  return () => {
    if (viewKeys === bound) viewKeys = null;
  };
}
