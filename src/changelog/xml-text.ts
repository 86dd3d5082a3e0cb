// Text made safe for XML 1.0: markup characters escaped, and characters XML cannot carry at all
// (NUL and other control characters, lone surrogates, U+FFFE/U+FFFF) dropped — doc text is
// untrusted and a single such character makes a whole feed unparseable.
 
const NOT_XML_CHAR = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function stripNonXml(text: string): string {
  return text.replace(NOT_XML_CHAR, '');
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** For element text and attribute values alike. */
export function escapeXml(text: string): string {
  return stripNonXml(text).replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

/** HTML text inside an HTML fragment (the fragment is then escaped again as XML text). */
export function escapeHtml(text: string): string {
  return stripNonXml(text).replace(/[&<>"']/g, (char) => (char === "'" ? '&#39;' : ENTITIES[char]!));
}
