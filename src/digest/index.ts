/**
 * The Slack digest: `runDigest(ctx, { dryRun })` posts one message per package covering the versions
 * not yet announced to the webhook; `buildDigestMessage` is the pure Block Kit builder behind it.
 */
export { runDigest, type DigestRunOptions, type DigestSummary, type DigestOutcome } from './run-digest.ts';
export { buildDigestMessage, DEFAULT_LAYOUT, type DigestInput, type DigestLayout } from './build-digest.ts';
export { deliverToWebhook, DEFAULT_DELIVERY, type DeliveryOptions, type DeliveryResult } from './slack-webhook.ts';
export type { SlackMessage, SlackBlock } from './block-kit.ts';
export type { LinkCounter } from './run-digest.ts';
