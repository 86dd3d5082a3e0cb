// The few Markdown shapes docdelta's own changelog uses — headings, paragraphs, two levels of
// bullets, **bold**, `code`, [links](<url>) and backslash escapes — turned into DOM nodes, text
// always as text. Anything else stays literal. Links into this site's pages (absolute URLs built
// from PUBLIC_BASE_URL) become in-page links; other links keep only their text.
import { h } from '../dom.js';

/** `/p/…#…` of a link into a diff or package page, or null for anything else. */
function sitePath(url) {
  let parsed;
  try {
    parsed = new URL(url, window.location.origin);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return parsed.pathname.startsWith('/p/') ? `${parsed.pathname}${parsed.search}${parsed.hash}` : null;
}

/** Finds the `]` closing a link text that starts at `open` (the `[`), skipping code and escapes. */
function closingBracket(text, open) {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const char = text[i];
    if (char === '\\') i++;
    else if (char === '`') {
      const end = text.indexOf('`', i + 1);
      if (end === -1) return -1;
      i = end;
    } else if (char === '[') depth++;
    else if (char === ']' && --depth === 0) return i;
  }
  return -1;
}

/** Inline Markdown to an array of nodes and strings. */
export function inline(text) {
  const out = [];
  let plain = '';
  const flush = () => {
    if (plain) out.push(plain);
    plain = '';
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\\' && i + 1 < text.length && /[\\`*_[\]()<>#!|-]/.test(text[i + 1])) {
      plain += text[++i];
    } else if (char === '`') {
      const end = text.indexOf('`', i + 1);
      if (end === -1) {
        plain += char;
        continue;
      }
      flush();
      out.push(h('code', { text: text.slice(i + 1, end) }));
      i = end;
    } else if (char === '*' && text[i + 1] === '*') {
      const end = text.indexOf('**', i + 2);
      if (end === -1) {
        plain += '**';
        i++;
        continue;
      }
      flush();
      out.push(h('strong', {}, inline(text.slice(i + 2, end))));
      i = end + 1;
    } else if (char === '[') {
      const close = closingBracket(text, i);
      const urlMatch = close === -1 ? null : /^\((<[^>\n]*>|[^)\s]*)\)/.exec(text.slice(close + 1));
      if (!urlMatch) {
        plain += char;
        continue;
      }
      flush();
      const label = inline(text.slice(i + 1, close));
      const url = urlMatch[1].replace(/^<|>$/g, '');
      const path = sitePath(url);
      out.push(path ? h('a', { href: path, 'data-nav': true }, label) : h('span', { class: 'outside-link', title: url }, label));
      i = close + urlMatch[0].length;
    } else {
      plain += char;
    }
  }
  flush();
  return out;
}

/** Block Markdown to a DocumentFragment. Headings are shifted down by `shift` levels. */
export function renderMarkdown(markdown, shift = 1) {
  const fragment = document.createDocumentFragment();
  let list = null;
  let item = null;
  let paragraph = [];
  const endParagraph = () => {
    if (paragraph.length) fragment.append(h('p', {}, inline(paragraph.join(' '))));
    paragraph = [];
  };
  const endList = () => {
    list = null;
    item = null;
  };
  for (const line of markdown.split('\n')) {
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const bullet = /^(\s*)[-*]\s+(.*)$/.exec(line);
    if (heading) {
      endParagraph();
      endList();
      const level = Math.min(6, heading[1].length + shift);
      fragment.append(h(`h${level}`, {}, inline(heading[2])));
    } else if (bullet) {
      endParagraph();
      const nested = bullet[1].length >= 2 && item;
      if (nested) {
        let sublist = item.querySelector(':scope > ul');
        if (!sublist) {
          sublist = h('ul');
          item.append(sublist);
        }
        sublist.append(h('li', {}, inline(bullet[2])));
      } else {
        if (!list) {
          list = h('ul');
          fragment.append(list);
        }
        item = h('li', {}, inline(bullet[2]));
        list.append(item);
      }
    } else if (line.trim() === '') {
      endParagraph();
      endList();
    } else {
      endList();
      paragraph.push(line.trim());
    }
  }
  endParagraph();
  return fragment;
}
