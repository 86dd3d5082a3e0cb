// An error as a browser should see it: a small HTML page in the site's style, saying what went wrong
// and leading back home. Chosen by Accept (a browser's navigation asks for text/html first; API
// clients, fetch and curl get the JSON body). The page is static text: no script, no inline style,
// so the strict CSP holds, and the message is escaped.
import type express from 'express';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);

/** True when the request is a page load that prefers HTML over JSON. */
export function prefersHtml(req: express.Request | undefined): boolean {
  // A request that did not pass through express (the hot path's raw request) has no accepts().
  if (!req || typeof req.accepts !== 'function' || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
  return req.accepts(['application/json', 'text/html']) === 'text/html';
}

const TITLES: Record<number, string> = { 400: 'Bad request', 401: 'Not authorized', 404: 'Not found', 405: 'Method not allowed', 409: 'Conflict', 413: 'Too large', 429: 'Too many requests' };

export function errorPageHtml(status: number, body: { code: string; message: string }): string {
  const title = TITLES[status] ?? (status >= 500 ? 'Something went wrong' : 'Request refused');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="color-scheme" content="light dark">
    <title>${escapeHtml(title)} — docdelta</title>
    <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
    <link rel="stylesheet" href="/assets/style.css">
  </head>
  <body>
    <header class="topbar"><a class="brand" href="/">doc<span class="brand-delta">delta</span></a></header>
    <main class="page">
      <section class="panel error-panel" role="alert">
        <h1>${escapeHtml(title)}</h1>
        <p class="error-message">${escapeHtml(body.message)}</p>
        <p class="muted">HTTP ${status} · <code>${escapeHtml(body.code)}</code></p>
        <p><a href="/">Back to all packages</a></p>
      </section>
    </main>
  </body>
</html>
`;
}
