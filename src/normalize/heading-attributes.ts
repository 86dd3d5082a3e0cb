// WorkOS pages end headings with `{{ "url": "api-key" }}`: metadata for the site, which serves that
// section at `/events/api-key`. The text loses it; the `url` becomes the section's anchor.

export interface HeadingAttributes {
  text: string;
  /** The section id the page asks for, when it names one. */
  id: string | null;
}

export function splitHeadingAttributes(raw: string): HeadingAttributes {
  const text = raw.trimEnd();
  if (!text.endsWith('}}')) return { text, id: null };
  const open = text.lastIndexOf('{{');
  if (open === -1) return { text, id: null };
  return { text: text.slice(0, open).trimEnd(), id: idFrom(text.slice(open + 1, -1)) };
}

function idFrom(json: string): string | null {
  try {
    const value: unknown = JSON.parse(json);
    if (value && typeof value === 'object' && 'url' in value && typeof value.url === 'string' && value.url.trim() !== '') {
      return value.url.trim();
    }
  } catch {
    // Not JSON: the braces are still site metadata, not heading text.
  }
  return null;
}
