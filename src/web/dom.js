// Builds DOM from data without ever parsing data as HTML: text goes in through text nodes, links
// may only point inside this site, and inline event handlers or style attributes are refused.

/** Only same-site links: a path, a query or a fragment. Anything else becomes an inert `#`. */
export function safeHref(value) {
  const href = String(value);
  if (href.startsWith('#') || href.startsWith('?')) return href;
  if (href.startsWith('/') && !href.startsWith('//') && !href.startsWith('/\\')) return href;
  return '#';
}

function appendChildren(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof window.Node ? child : document.createTextNode(String(child)));
  }
}

/**
 * h('a', { class: 'x', href: '/p/y', on: { click: fn } }, 'text', otherNode)
 * `text` sets textContent; `dataset` and `on` take objects; everything else is an attribute.
 */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') element.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    else if (key === 'text') element.textContent = String(value);
    else if (key === 'dataset') Object.assign(element.dataset, value);
    else if (key === 'on') for (const [event, handler] of Object.entries(value)) element.addEventListener(event, handler);
    else if (key === 'href') element.setAttribute('href', safeHref(value));
    else if (/^on/i.test(key) || key === 'style' || key === 'srcdoc') throw new Error(`refusing attribute ${key}`);
    else element.setAttribute(key, value === true ? '' : String(value));
  }
  appendChildren(element, children);
  return element;
}

export function replaceChildren(element, ...children) {
  element.replaceChildren();
  appendChildren(element, children);
  return element;
}
