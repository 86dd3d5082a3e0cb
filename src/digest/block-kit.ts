// The few Block Kit shapes a digest uses, typed so a payload that Slack would refuse fails to compile.

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
