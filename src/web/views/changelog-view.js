// `/p/<package>/changelog`: every stored version's changes, newest first — the same Markdown that
// GET /changelog serves (and the Atom feed carries), drawn as a page, with the feed to subscribe to.
import { h, replaceChildren } from '../dom.js';
import { feedUrl, packageUrl } from '../routes.js';
import { renderMarkdown } from './markdown-lite.js';

export async function renderChangelog(main, context, data) {
  const markdown = await data;
  if (!context.isCurrent()) return null;
  const pkg = context.route.pkg;
  document.title = `Changelog of ${pkg} — docdelta`;
  const feed = feedUrl(pkg);
  // The Markdown starts with its own "# Changelog: <package>" line; the page title says it already.
  const body = markdown.replace(/^# [^\n]*\n+/, '');
  replaceChildren(
    main,
    h('nav', { class: 'crumbs' }, h('a', { href: '/', 'data-nav': true, text: 'Packages' }), ' / ', h('a', { href: packageUrl(pkg), 'data-nav': true, text: pkg }), ' / changelog'),
    h(
      'div',
      { class: 'page-head' },
      h('h1', {}, 'Changelog of ', h('span', { class: 'pkg-name', text: pkg })),
      h('a', { class: 'button feed-button', href: feed, type: 'application/atom+xml', text: 'Subscribe: Atom feed' }),
    ),
    h('article', { class: 'panel changelog' }, renderMarkdown(body, 0)),
  );
  window.scrollTo(0, 0);
  return null;
}
