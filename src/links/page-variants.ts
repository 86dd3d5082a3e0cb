// Variant pickers in a page's text: `- $ frontend="nextjs, remix, vanilla"` shows the item for those
// frameworks. The site puts the picked values in the URL, so they are route segments of the page.

const PICKER = /^[ \t]*[-*][ \t]+\$[ \t]+[A-Za-z][\w-]{0,40}="([^"\n]{1,400})"/gm;
const MAX_VALUES = 200;

export function variantValues(text: string): string[] {
  const values = new Set<string>();
  for (const match of text.matchAll(PICKER)) {
    for (const value of match[1]!.split(',')) {
      const trimmed = value.trim();
      if (/^[\w.-]{1,60}$/.test(trimmed)) values.add(trimmed);
      if (values.size >= MAX_VALUES) return [...values];
    }
  }
  return [...values];
}
