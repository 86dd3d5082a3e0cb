// Strings a page's record keeps, copied out of the page text.
//
// V8 keeps a slice of 13 or more characters as a view into the string it was cut from, so a heading or
// link text cut from a page would keep the whole page text alive for as long as the record lives: a
// version's records held every page of the version (tens of MB for mastra's docs), and each garbage
// collection of the young generation copied them again.

/** The same characters in a string of their own. */
export function detached(value: string): string {
  return structuredClone(value);
}
