import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deliverToWebhook, type DeliveryOptions, parseRetryAfter } from '../../src/digest/slack-webhook.ts';
import { type SlackReceiver, startSlackReceiver } from '../support/slack-receiver.ts';

const fast: DeliveryOptions = { timeoutMs: 300, maxAttempts: 4, backoffBaseMs: 20, backoffMaxMs: 100, maxRetryAfterMs: 2_000 };
const message = { text: 'hello', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'hello' } }] };

describe('posting to a Slack webhook', () => {
  let slack: SlackReceiver;
  beforeAll(async () => {
    slack = await startSlackReceiver();
  });
  afterAll(async () => {
    await slack.close();
  });
  beforeEach(() => {
    slack.requests.length = 0;
    slack.posted.length = 0;
  });

  it('delivers on 200 ok with one request', async () => {
    const result = await deliverToWebhook(slack.url, message, fast);
    expect(result).toEqual({ delivered: true, attempts: 1, status: 200, error: null });
    expect(slack.posted).toEqual([message]);
  });

  it('waits for Retry-After on 429, then delivers once', async () => {
    slack.script({ kind: 'rate-limited', retryAfter: '1' });
    const started = Date.now();
    const result = await deliverToWebhook(slack.url, message, fast);
    expect(result).toMatchObject({ delivered: true, attempts: 2 });
    const [first, second] = slack.requests;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(slack.posted).toHaveLength(1);
  });

  it('gives up for this run when Retry-After is longer than it may wait', async () => {
    slack.script({ kind: 'rate-limited', retryAfter: '30' });
    const started = Date.now();
    const result = await deliverToWebhook(slack.url, message, fast);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(result.delivered).toBe(false);
    expect(result.error).toContain('HTTP 429 rate_limited; Retry-After 30 s is longer than this run waits');
    expect(slack.requests).toHaveLength(1);
  });

  it('backs off on 5xx and stops after the attempt limit', async () => {
    slack.script(...Array.from({ length: 4 }, () => ({ kind: 'error' as const, status: 500, body: 'internal_error' })));
    const result = await deliverToWebhook(slack.url, message, fast);
    expect(result).toEqual({ delivered: false, attempts: 4, status: 500, error: 'HTTP 500 internal_error' });
    expect(slack.requests).toHaveLength(4);
    const gaps = slack.requests.slice(1).map((request, i) => request.at - slack.requests[i]!.at);
    // 20, 40, 80 ms ceilings with half-fixed jitter: each wait is at least half its ceiling.
    expect(gaps[0]).toBeGreaterThanOrEqual(9);
    expect(gaps[2]).toBeGreaterThanOrEqual(39);
  });

  it('recovers from a 503 followed by ok', async () => {
    slack.script({ kind: 'error', status: 503, body: 'service_unavailable' });
    const result = await deliverToWebhook(slack.url, message, fast);
    expect(result).toMatchObject({ delivered: true, attempts: 2 });
    expect(slack.posted).toHaveLength(1);
  });

  it.each([
    [400, 'invalid_payload'],
    [403, 'action_prohibited'],
    [404, 'no_service'],
    [404, 'channel_not_found'],
    [410, 'channel_is_archived'],
  ])('does not retry %i %s and keeps Slack\'s error text', async (status, body) => {
    slack.script({ kind: 'error', status, body });
    const failed: string[] = [];
    const result = await deliverToWebhook(slack.url, message, fast, { afterFailedAttempt: async (_n, error) => void failed.push(error) });
    expect(result).toEqual({ delivered: false, attempts: 1, status, error: `HTTP ${status} ${body}` });
    expect(slack.requests).toHaveLength(1);
    expect(failed).toEqual([`HTTP ${status} ${body}`]);
  });

  it('times out a request Slack never answers, and retries', async () => {
    slack.script({ kind: 'hang' });
    const started = Date.now();
    const result = await deliverToWebhook(slack.url, message, fast);
    expect(result).toMatchObject({ delivered: true, attempts: 2 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(slack.requests.map((request) => request.reply)).toEqual(['hang', 'ok']);
  });

  it('treats 200 as delivered without waiting for a body that stalls, and does not post again', async () => {
    slack.script({ kind: 'ok-then-stall' });
    const started = Date.now();
    const result = await deliverToWebhook(slack.url, message, fast);
    expect(result).toEqual({ delivered: true, attempts: 1, status: 200, error: null });
    expect(Date.now() - started).toBeLessThan(fast.timeoutMs);
    expect(slack.requests.map((request) => request.reply)).toEqual(['ok-then-stall']);
  });

  it('stops at the attempt limit when every request hangs', async () => {
    slack.script({ kind: 'hang' }, { kind: 'hang' });
    const result = await deliverToWebhook(slack.url, message, { ...fast, maxAttempts: 2 });
    expect(result).toEqual({ delivered: false, attempts: 2, status: null, error: 'timed out after 300 ms' });
  });

  it('retries after the connection is reset', async () => {
    slack.script({ kind: 'reset' });
    const result = await deliverToWebhook(slack.url, message, fast);
    expect(result).toMatchObject({ delivered: true, attempts: 2 });
    expect(slack.requests.map((request) => request.reply)).toEqual(['reset', 'ok']);
  });

  it('reports a refused connection without the URL', async () => {
    const closed = await startSlackReceiver();
    const url = closed.url;
    await closed.close();
    const result = await deliverToWebhook(url, message, { ...fast, maxAttempts: 2 });
    expect(result.delivered).toBe(false);
    expect(result.error).toBe('network error ECONNREFUSED');
    expect(JSON.stringify(result)).not.toContain(closed.secret);
  });

  it('marks each attempt before it leaves, so a crash mid-request can be recognised', async () => {
    slack.script({ kind: 'error', status: 502, body: 'bad_gateway' });
    const events: string[] = [];
    await deliverToWebhook(slack.url, message, fast, {
      beforeAttempt: async (n) => void events.push(`send ${n} (requests so far: ${slack.requests.length})`),
      afterFailedAttempt: async (n, error) => void events.push(`failed ${n}: ${error}`),
    });
    expect(events).toEqual(['send 1 (requests so far: 0)', 'failed 1: HTTP 502 bad_gateway', 'send 2 (requests so far: 1)']);
  });

  it('stops waiting when asked to shut down', async () => {
    slack.script({ kind: 'rate-limited', retryAfter: '2' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const result = await deliverToWebhook(slack.url, message, fast, {}, controller.signal);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(result).toMatchObject({ delivered: false, attempts: 1 });
    expect(result.error).toContain('interrupted by shutdown');
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('30')).toBe(30_000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10_000);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });
});
