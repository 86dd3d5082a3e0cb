// Slack mrkdwn from untrusted text. Doc titles and paths come from packages we do not control: a
// title `<!channel>` must render as text, never ping a channel, and a title full of `>` must not
// end a link early. Slack reads `&`, `<` and `>` as control characters; everything else is literal.

/** `&`, `<`, `>` as the entities Slack decodes for display. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

 
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** One line of display text: control characters and line breaks collapse to a space. */
export function oneLine(text: string): string {
  return text.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

/** Untrusted text can be megabytes; nothing shown needs more than this much of it. */
const MAX_INPUT = 4_000;

/**
 * At most `max` characters (code points, so an emoji is never cut in half), ending in `…` when
 * shortened. Cut before escaping, so an entity is never split.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  // Two UTF-16 units per code point at most: enough text to cut from, however long the input.
  const chars = Array.from(text.slice(0, max * 2 + 2));
  if (chars.length <= max && text.length <= max * 2 + 2) return text;
  return `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/** Keeps the start and the end of a long path, which together say where a file lives. */
export function truncateMiddle(text: string, max: number): string {
  if (text.length <= max) return text;
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const head = Math.ceil((max - 1) / 2);
  const tail = Math.floor((max - 1) / 2);
  return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - tail).join('')}`;
}

/** Untrusted text for a mrkdwn field: one line, bounded, escaped. */
export function plain(text: string, max = 200): string {
  return escapeMrkdwn(truncate(oneLine(text.slice(0, Math.max(MAX_INPUT, max * 2 + 2))), max));
}

/** An inline code span; a backtick inside would close it, so it becomes a quote. */
export function code(text: string, max = 160): string {
  return `\`${escapeMrkdwn(truncateMiddle(oneLine(text), max).replace(/`/g, "'"))}\``;
}

export function bold(escaped: string): string {
  return escaped ? `*${escaped}*` : escaped;
}

/**
 * `<url|label>` with an already escaped label. Only http(s) URLs become links; in the URL, `|`, `<`
 * and `>` would end the link token, so they are percent-encoded, and `&` is sent as `&amp;`, which
 * Slack decodes like everywhere else in the text.
 */
export function link(url: string, escapedLabel: string): string {
  if (!/^https?:\/\//i.test(url)) return escapedLabel;
  const safeUrl = url
    .replace(/\|/g, '%7C')
    .replace(/</g, '%3C')
    .replace(/>/g, '%3E')
    .replace(/\s/g, '%20')
    .replace(/&/g, '&amp;');
  return `<${safeUrl}|${escapedLabel.replace(/\|/g, '¦')}>`;
}

/**
 * Cuts finished mrkdwn to `max` characters without leaving half an entity (`&am`) or half a link
 * token (`<https://…`) behind. A last resort: the builder bounds every part before joining them.
 */
export function clampMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  cut = cut.replace(/&[a-z]{0,4}$/i, '');
  const open = cut.lastIndexOf('<');
  if (open > cut.lastIndexOf('>')) cut = cut.slice(0, open);
  return `${cut}…`;
}
