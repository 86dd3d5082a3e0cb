// PostgreSQL text and jsonb reject NUL and unpaired surrogates; YAML escapes can produce both.

const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const SUSPECT = /[\u0000\uD800-\uDFFF]/;

export function cleanString(value: string): string {
  // Almost every string is clean; the cheap test spares them the lookaround pattern.
  return SUSPECT.test(value) ? value.replace(UNSTORABLE, '\uFFFD') : value;
}
