// "1 page", "3 pages": a count with its noun, as every interface writes it (CLI, MCP, Slack, changelog).
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
