// A fenced code block that doc text cannot close early: the fence is longer than any run of
// backticks inside (CommonMark closes a fence only with one at least as long).
export function fenced(text: string, language = ''): string {
  const longestRun = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return `${fence}${language}\n${text.endsWith('\n') ? text : `${text}\n`}${fence}`;
}
