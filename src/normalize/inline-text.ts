// The words a reader sees in a heading or link, without Markdown or JSX syntax around them.
// Every pattern here stops at the characters it cannot contain, so matching stays linear.

const IMAGE = /!\[([^[\]\n]{0,1000})\]\([^()\n]{0,2048}\)/g;
const INLINE_LINK = /\[([^[\]\n]{0,1000})\]\([^()\n]{0,2048}\)/g;
const REFERENCE_LINK = /\[([^[\]\n]{0,1000})\]\[[^[\]\n]{0,1000}\]/g;
const TAG = /<\/?[A-Za-z][^<>\n]{0,1000}>|<\/?>/g;
const EXPRESSION = /\{[^{}\n]{0,1000}\}/g;
const ENTITY = /&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});/g;

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', mdash: '—', ndash: '–', hellip: '…', rarr: '→', larr: '←' };

export interface InlineTextOptions {
  /** Link text shows an image's alt; GitHub's heading slugs ignore it (it is not text content). */
  keepImageAlt: boolean;
  maxChars: number;
}

export function inlineText(source: string, options: InlineTextOptions): string {
  let text = source
    .replace(IMAGE, (_whole, alt: string) => (options.keepImageAlt ? alt : ''))
    .replace(INLINE_LINK, '$1')
    .replace(REFERENCE_LINK, '$1')
    .replace(TAG, '')
    .replace(EXPRESSION, '')
    .replaceAll('`', '')
    .replaceAll('~~', '');
  text = stripEmphasisAndEscapes(text).replace(ENTITY, decodeEntity);
  text = text.replace(/\s+/g, ' ').trim();
  return text.length > options.maxChars ? `${text.slice(0, options.maxChars)}…` : text;
}

const ESCAPABLE = /[!-/:-@[-`{-~]/;

/** `*`/`_` runs that open or close emphasis go; `snake_case`, `2 * 3` and `\*` stay as characters. */
function stripEmphasisAndEscapes(text: string): string {
  let out = '';
  for (let at = 0; at < text.length; ) {
    const char = text[at]!;
    const next = text[at + 1];
    if (char === '\\' && next !== undefined && ESCAPABLE.test(next)) {
      out += next;
      at += 2;
      continue;
    }
    if (char !== '*' && char !== '_') {
      out += char;
      at++;
      continue;
    }
    let end = at;
    while (text[end] === char) end++;
    const before = text[at - 1];
    const after = text[end];
    const spaceBefore = before === undefined || /\s/.test(before);
    const spaceAfter = after === undefined || /\s/.test(after);
    const wordBefore = before !== undefined && /[\p{L}\p{N}]/u.test(before);
    const wordAfter = after !== undefined && /[\p{L}\p{N}]/u.test(after);
    const opens = !spaceAfter && (spaceBefore || !wordBefore);
    const closes = !spaceBefore && (spaceAfter || !wordAfter);
    const intraword = char === '_' && wordBefore && wordAfter;
    if ((opens || closes) && !intraword) at = end;
    else {
      out += text.slice(at, end);
      at = end;
    }
  }
  return out;
}

function decodeEntity(whole: string, body: string): string {
  if (body.startsWith('#')) {
    const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
  }
  return Object.hasOwn(NAMED_ENTITIES, body) ? NAMED_ENTITIES[body]! : whole;
}
