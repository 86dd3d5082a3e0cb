// A plain-text view of a Block Kit message, one block after another, for snapshots a person can
// read in review: what the channel will see, with the mrkdwn left as it is sent.
import type { SlackMessage } from '../../src/digest/block-kit.ts';

export function renderMessage(message: SlackMessage): string {
  const out = [`text: ${message.text}`];
  for (const block of message.blocks) {
    switch (block.type) {
      case 'header':
        out.push(`[header] ${block.text.text}`);
        break;
      case 'section':
        if ('fields' in block) out.push(`[fields] ${block.fields.map((field) => field.text.replace('\n', ': ')).join(' | ')}`);
        else out.push(`[section]\n${block.text.text.replace(/^/gm, '  ')}`);
        break;
      case 'context':
        out.push(`[context] ${block.elements.map((element) => element.text).join(' ')}`);
        break;
      case 'divider':
        out.push('[divider]');
        break;
    }
  }
  return out.join('\n');
}
