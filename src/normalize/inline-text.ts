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

// Every rule below needs one of these characters; most headings and link texts have none.
const MARKUP = /[[<{`~*_\\&]/;
const WHITESPACE_RUN = /\s+/g;
// Whitespace that collapsing would change: most texts hold single spaces only, and the replace is spared.
const UNEVEN_WHITESPACE = /\s\s|[^\S ]/;

export function inlineText(source: string, options: InlineTextOptions): string {
  const stripped = MARKUP.test(source) ? stripMarkup(source, options) : source;
  const text = (UNEVEN_WHITESPACE.test(stripped) ? stripped.replace(WHITESPACE_RUN, ' ') : stripped).trim();
  return text.length > options.maxChars ? `${text.slice(0, options.maxChars)}…` : text;
}

function stripMarkup(source: string, options: InlineTextOptions): string {
  const text = source
    .replace(IMAGE, (_whole, alt: string) => (options.keepImageAlt ? alt : ''))
    .replace(INLINE_LINK, '$1')
    .replace(REFERENCE_LINK, '$1')
    .replace(TAG, '')
    .replace(EXPRESSION, '')
    .replaceAll('`', '')
    .replaceAll('~~', '');
  return stripEmphasisAndEscapes(text).replace(ENTITY, decodeEntity);
}

const ESCAPABLE = /[!-/:-@[-`{-~]/;
const SPACE = /\s/;
const WORD = /[\p{L}\p{N}]/u;
const EMPHASIS_OR_ESCAPE = /[\\*_]/g;

/** `*`/`_` runs that open or close emphasis go; `snake_case`, `2 * 3` and `\*` stay as characters. */
function stripEmphasisAndEscapes(text: string): string {
  let out = '';
  // Text between the characters that can matter is copied whole.
  let copied = 0;
  EMPHASIS_OR_ESCAPE.lastIndex = 0;
  for (let match = EMPHASIS_OR_ESCAPE.exec(text); match; match = EMPHASIS_OR_ESCAPE.exec(text)) {
    const at = match.index;
    const char = text[at]!;
    if (char === '\\') {
      const next = text[at + 1];
      if (next !== undefined && ESCAPABLE.test(next)) {
        out += text.slice(copied, at) + next;
        copied = at + 2;
        EMPHASIS_OR_ESCAPE.lastIndex = copied;
      }
      continue;
    }
    let end = at;
    while (text[end] === char) end++;
    EMPHASIS_OR_ESCAPE.lastIndex = end;
    const before = text[at - 1];
    const after = text[end];
    const spaceBefore = before === undefined || SPACE.test(before);
    const spaceAfter = after === undefined || SPACE.test(after);
    const wordBefore = before !== undefined && WORD.test(before);
    const wordAfter = after !== undefined && WORD.test(after);
    const opens = !spaceAfter && (spaceBefore || !wordBefore);
    const closes = !spaceBefore && (spaceAfter || !wordAfter);
    const intraword = char === '_' && wordBefore && wordAfter;
    if ((opens || closes) && !intraword) {
      out += text.slice(copied, at);
      copied = end;
    }
  }
  return copied === 0 ? text : out + text.slice(copied);
}

function decodeEntity(whole: string, body: string): string {
  if (body.startsWith('#')) {
    const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
  }
  return Object.hasOwn(NAMED_ENTITIES, body) ? NAMED_ENTITIES[body]! : whole;
}
