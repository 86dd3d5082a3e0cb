// The few Block Kit shapes a digest uses, typed so a payload that Slack would refuse fails to
// compile; Slack's limits for one message; and the packer that fits long lists under them.
import { clampMrkdwn } from './mrkdwn.ts';

export interface PlainText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}

export interface MrkdwnText {
  type: 'mrkdwn';
  text: string;
}

export type SlackBlock =
  | { type: 'header'; text: PlainText }
  | { type: 'section'; text: MrkdwnText }
  | { type: 'section'; fields: MrkdwnText[] }
  | { type: 'context'; elements: MrkdwnText[] }
  | { type: 'divider' };

/** What an incoming webhook accepts: `text` is the notification and fallback for the blocks. */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
  unfurl_links: false;
  unfurl_media: false;
}

export const mrkdwn = (text: string): MrkdwnText => ({ type: 'mrkdwn', text });
export const section = (text: string): SlackBlock => ({ type: 'section', text: mrkdwn(text) });

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

// Long lists (80 moved folders, hundreds of new pages) become as few section blocks as fit Slack's
// 3,000-character limit, within a block budget; what does not fit is summed up in one closing line
// that links to the full diff instead of being cut silently.

export interface PackOptions {
  /** Items shown at most; the rest are counted in the overflow line. */
  maxItems: number;
  /** How many items the list has in all, when only the first ones were rendered into `lines`. */
  total?: number;
  /** Section blocks this list may use. */
  maxSections: number;
  maxChars: number;
  /** The closing line for `hidden` items that were not shown. */
  overflow: (hidden: number) => string;
}

/**
 * Section texts for a titled list of mrkdwn lines. Every text is at most `maxChars` long; at most
 * `maxSections` texts come back; lines are never split, and the overflow line always fits.
 */
export function packLines(title: string, lines: readonly string[], options: PackOptions): string[] {
  if (options.maxSections < 1 || (options.total ?? lines.length) === 0) return [];
  const limit = options.maxChars;
  const shown = lines.slice(0, options.maxItems).map((line) => clampMrkdwn(line, limit));
  const sections: string[][] = [[clampMrkdwn(title, limit)]];
  const length = (parts: string[]) => parts.reduce((sum, part) => sum + part.length, 0) + parts.length - 1;
  let placed = 0;
  for (const line of shown) {
    const current = sections[sections.length - 1]!;
    if (length([...current, line]) <= limit) {
      current.push(line);
    } else if (sections.length < options.maxSections) {
      sections.push([line]);
    } else {
      break;
    }
    placed += 1;
  }
  let hidden = Math.max(options.total ?? lines.length, lines.length) - placed;
  if (hidden > 0) {
    // Make room for the overflow line in the last section, giving back lines if needed.
    const last = sections[sections.length - 1]!;
    const keep = sections.length === 1 ? 1 : 0; // the title stays
    while (length([...last, clampMrkdwn(options.overflow(hidden), limit)]) > limit && last.length > keep) {
      last.pop();
      hidden += 1;
    }
    last.push(clampMrkdwn(options.overflow(hidden), limit));
  }
  return sections.map((parts) => parts.join('\n'));
}
