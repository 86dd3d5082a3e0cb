// Slack's Block Kit limits for one message. A payload over any of them is refused with
// `invalid_blocks` / `invalid_payload`, so the digest builder keeps under every one.
// https://api.slack.com/reference/block-kit/blocks
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  headerText: 150,
  fieldsPerSection: 10,
  fieldText: 2000,
  contextElements: 10,
  /** The top-level `text` is the notification and fallback; Slack truncates it beyond this. */
  fallbackText: 40_000,
} as const;
