// Track and untrack packages from the home page, through POST /packages and DELETE /packages/:name
// with the server's API token. Shown only when the server answers those verbs (OPTIONS /packages
// lists POST), so an older server shows the list and says where to do it instead. The token stays
// in this tab (sessionStorage), is sent only as a bearer header to this site, and is never shown.
import { h, replaceChildren } from '../dom.js';
import { rememberToken, sendWithToken as send, tokenInput } from './api-token.js';

/** Whether this server takes POST /packages (express answers OPTIONS with the allowed methods). */
export async function canManagePackages() {
  try {
    const response = await fetch('/packages', { method: 'OPTIONS' });
    return response.ok && /\bPOST\b/.test(response.headers.get('Allow') ?? '');
  } catch {
    return false;
  }
}

const packagePath = (name) => `/packages/${name.split('/').map(encodeURIComponent).join('/')}`;

/**
 * The management panel, plus `untrackButton(name)` for each package card. `onChanged()` redraws
 * the list after a change.
 */
export function packageAdmin(onChanged) {
  const token = tokenInput();
  const status = h('p', { class: 'admin-status', role: 'status' });
  const say = (text, isError = false) => {
    status.textContent = text;
    status.classList.toggle('error-message', isError);
  };
  const needToken = () => {
    const value = token.value.trim();
    if (!value) say('Enter the API token first.', true);
    return value;
  };

  const source = h('select', { class: 'track-source', 'aria-label': 'Source' }, h('option', { value: 'npm', text: 'npm package' }), h('option', { value: 'git', text: 'git repository' }));
  const name = h('input', { type: 'text', class: 'track-name', placeholder: '@scope/name', 'aria-label': 'Package name', autocomplete: 'off', spellcheck: 'false' });
  const location = h('input', { type: 'url', class: 'track-location', placeholder: 'https://github.com/org/repo.git', 'aria-label': 'Repository URL', autocomplete: 'off', spellcheck: 'false' });
  const docs = h('input', { type: 'text', class: 'track-docs', placeholder: 'docs', 'aria-label': 'Docs folder in the repository', autocomplete: 'off', spellcheck: 'false' });
  const gitFields = h('span', { class: 'git-fields', hidden: true }, location, docs);
  source.addEventListener('change', () => {
    gitFields.hidden = source.value !== 'git';
    name.placeholder = source.value === 'git' ? 'name (optional)' : '@scope/name';
  });

  const form = h(
    'form',
    {
      class: 'track-form',
      on: {
        submit: async (event) => {
          event.preventDefault();
          const secret = needToken();
          if (!secret) return;
          const body = source.value === 'npm' ? { source: 'npm', name: name.value.trim() } : { source: 'git', location: location.value.trim(), docs: docs.value.trim(), ...(name.value.trim() ? { name: name.value.trim() } : {}) };
          say('Tracking…');
          try {
            const result = await send('POST', '/packages', secret, body);
            rememberToken(secret);
            say(`${result.package}: ${result.outcome === 'created' ? 'now tracked; the next sync stores its versions' : `already tracked (${result.outcome})`}.`);
            name.value = '';
            await onChanged();
          } catch (error) {
            say(`Could not track it: ${error.message}`, true);
          }
        },
      },
    },
    source,
    name,
    gitFields,
    h('button', { type: 'submit', class: 'button primary', text: 'Track' }),
  );

  const untrackButton = (pkgName) => {
    const holder = h('span', { class: 'untrack' });
    const ask = h('button', { type: 'button', class: 'link-button untrack-button', text: 'Untrack…' });
    const confirm = h('button', { type: 'button', class: 'button danger confirm-untrack', text: `Untrack ${pkgName} and delete its versions` });
    const cancel = h('button', { type: 'button', class: 'link-button', text: 'Cancel' });
    const reset = () => replaceChildren(holder, ask);
    ask.addEventListener('click', () => replaceChildren(holder, confirm, ' ', cancel));
    cancel.addEventListener('click', reset);
    confirm.addEventListener('click', async () => {
      const secret = needToken();
      if (!secret) return reset();
      say(`Untracking ${pkgName}…`);
      try {
        const result = await send('DELETE', packagePath(pkgName), secret);
        rememberToken(secret);
        say(`${pkgName} untracked${result.configured ? ' (it is in DOCDELTA_PACKAGES, so the next sync tracks it again)' : ''}.`);
        await onChanged();
      } catch (error) {
        say(`Could not untrack ${pkgName}: ${error.message}`, true);
        reset();
      }
    });
    reset();
    return holder;
  };

  const panel = h(
    'details',
    { class: 'panel package-admin' },
    h('summary', { text: 'Track or untrack packages' }),
    h('label', { class: 'muted small token-label' }, 'API token ', token, ' (kept in this tab only)'),
    form,
    status,
  );
  return { panel, untrackButton };
}
