// The server's API token, for the few writes the web UI can make (track, untrack, sync now). It is
// typed by the user, kept in this tab only (sessionStorage), sent only as a bearer header to this
// site, and never shown.
import { reach, responseError } from '../api.js';
import { h } from '../dom.js';
import { readSetting, writeSetting } from '../storage.js';

const TOKEN_KEY = 'docdelta:api-token';

export function rememberToken(token) {
  writeSetting('sessionStorage', TOKEN_KEY, token || null);
}

/** A password field holding the token, filled from this tab's storage. */
export function tokenInput() {
  const input = h('input', { type: 'password', class: 'token-input', autocomplete: 'off', 'aria-label': 'API token', placeholder: 'API_TOKEN of this server' });
  input.value = readSetting('sessionStorage', TOKEN_KEY) ?? '';
  input.addEventListener('change', () => rememberToken(input.value.trim()));
  return input;
}

/** A JSON request with the token; the server's `{code, message}` becomes an ApiError. */
export async function sendWithToken(method, path, token, body) {
  const response = await reach(path, {
    method,
    headers: { Accept: 'application/json', Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const payload = await response.json().catch(() => null);
  if (!response.ok) throw responseError(response, payload);
  return payload;
}
