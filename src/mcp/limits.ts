// How much an MCP answer may say. An agent's context is small and every character of an answer
// displaces something else, so each detail level has a budget and says how to get the rest.

/** Characters of Markdown per answer, by what the caller asked for. */
export const ANSWER_BUDGET = {
  /** what_changed's default; the goal is under 4,000 for a 568-file release. */
  summary: 3_800,
  files: 12_000,
  patch: 16_000,
  /** One page of one file's patch (file_diff). */
  filePatch: 14_000,
  /** Lists: versions, packages, history. */
  list: 8_000,
  /** check_links: counts, redirects, broken links. */
  links: 6_000,
} as const;

/** Folder moves carried in what_changed's JSON; past this the answer says it is truncated. */
export const STRUCTURED_MOVES_MAX = 100;

/** Bounds on tool arguments, checked by the input schemas before any handler runs. */
export const INPUT_LIMITS = {
  /** npm's own maximum name length. */
  packageName: 214,
  version: 128,
  path: 1_024,
  route: 2_048,
  /** file_diff pages; far more than any real patch needs at ANSWER_BUDGET.filePatch each. */
  page: 10_000,
} as const;

/**
 * Largest message `docdelta mcp` reads from stdin. Above the SDK's default of 10 MiB so that a
 * 10 MB argument still reaches the schema and gets an isError answer; a larger message ends the
 * session (the SDK's stdio transport cannot skip a line it did not buffer).
 */
export const STDIO_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

/** Longest title, heading or value shown inline before it is cut with an ellipsis. */
export const INLINE_TEXT_MAX = 100;
