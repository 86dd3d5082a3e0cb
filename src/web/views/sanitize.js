// diff2html escapes the text it renders; this is the second lock. Its HTML is parsed by DOMParser
// into a document with no browsing context (scripting off: nothing loads or runs there), then only
// known elements and attributes are kept and adopted into the page. The CSP is the third: should
// markup ever carry an inline handler, the browser refuses even to compile it (and says so).

const ELEMENTS = new Set([
  'div', 'span', 'table', 'thead', 'tbody', 'tr', 'td', 'th', 'colgroup', 'col', 'ins', 'del', 'p', 'br', 'a', 'label', 'svg', 'path',
]);
const ATTRIBUTES = new Set(['class', 'id', 'colspan', 'rowspan', 'title', 'viewbox', 'd', 'width', 'height', 'aria-hidden', 'version', 'fill-rule', 'role']);

function cleanElement(element) {
  for (const attribute of [...element.attributes]) {
    const name = attribute.name.toLowerCase();
    const keep = ATTRIBUTES.has(name) || (name === 'href' && attribute.value.startsWith('#'));
    if (!keep) element.removeAttribute(attribute.name);
  }
}

/** A DocumentFragment, owned by this page, holding only the allowed subset of `html`. */
export function sanitizedFragment(html) {
  const parsed = new window.DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const walker = parsed.createTreeWalker(parsed.body, window.NodeFilter.SHOW_ELEMENT);
  const doomed = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (ELEMENTS.has(node.localName)) cleanElement(node);
    else doomed.push(node);
  }
  for (const node of doomed) node.remove();
  const fragment = document.createDocumentFragment();
  for (const child of [...parsed.body.childNodes]) fragment.append(document.adoptNode(child));
  return fragment;
}
