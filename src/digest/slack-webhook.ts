// POSTs one message to a Slack incoming webhook, the way Slack asks clients to behave:
// - 2xx: delivered — decided by the status alone. Slack posts before it answers, so a body that
//   then stalls or breaks off must not count as a failure: retrying it would post twice.
// - 429: wait for Retry-After (bounded), then try again.
// - 5xx, a network error, a timeout: Slack did not take the message; back off exponentially.
// - any other 4xx (invalid_payload, no_service, channel_is_archived, 403, 404, 410): retrying cannot
//   help; stop and keep Slack's error text.
// Every attempt is bounded by a timeout and every wait by a maximum, so a run always ends.
import { oneLine, truncate } from './mrkdwn.ts';
import { redactWebhook } from './webhook-secret.ts';

export interface DeliveryOptions {
  /** Per attempt, headers and body included. */
  timeoutMs: number;
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** A longer Retry-After ends this run's attempts; the digest is retried on the next run. */
  maxRetryAfterMs: number;
}

export const DEFAULT_DELIVERY: DeliveryOptions = {
  timeoutMs: 10_000,
  maxAttempts: 4,
  backoffBaseMs: 1_000,
  backoffMaxMs: 30_000,
  maxRetryAfterMs: 120_000,
};

export type AttemptOutcome =
  | { kind: 'delivered'; status: number }
  | { kind: 'rate-limited'; status: 429; retryAfterMs: number | null; text: string }
  | { kind: 'retryable'; status: number | null; text: string }
  | { kind: 'rejected'; status: number; text: string };

export interface DeliveryResult {
  delivered: boolean;
  attempts: number;
  /** HTTP status of the last answer, null when none came. */
  status: number | null;
  /** Why it was not delivered, with Slack's own error text; never contains the URL. */
  error: string | null;
}

export interface DeliveryHooks {
  /** Called right before a request leaves, so a crash mid-request can be told apart afterwards. */
  beforeAttempt?(attempt: number): Promise<void>;
  /** Called after an attempt that Slack answered (or that failed) without delivering. */
  afterFailedAttempt?(attempt: number, error: string): Promise<void>;
}

const MAX_BODY_BYTES = 4096;

async function readBounded(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < MAX_BODY_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  return Buffer.concat(chunks).subarray(0, MAX_BODY_BYTES).toString('utf8');
}

/** Retry-After is seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

function networkCode(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } })?.cause;
  if (cause && typeof cause.code === 'string') return cause.code;
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' ? code : 'unknown';
}

/** One request; every way it can end becomes an outcome, nothing throws. */
export async function attemptDelivery(url: string, body: string, timeoutMs: number, signal?: AbortSignal): Promise<AttemptOutcome> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const combined = signal ? AbortSignal.any([timeout, signal]) : timeout;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body,
      redirect: 'manual',
      signal: combined,
    });
    if (response.status >= 200 && response.status < 300) {
      // The body ("ok") says nothing more; let it go without waiting for it.
      void response.body?.cancel().catch(() => {});
      return { kind: 'delivered', status: response.status };
    }
    const text = truncate(oneLine(await readBounded(response).catch(() => '(body not readable)')), 200);
    if (response.status === 429) return { kind: 'rate-limited', status: 429, retryAfterMs: parseRetryAfter(response.headers.get('retry-after')), text };
    if (response.status >= 500) return { kind: 'retryable', status: response.status, text };
    if (response.status >= 300 && response.status < 400) return { kind: 'rejected', status: response.status, text: 'redirect refused' };
    return { kind: 'rejected', status: response.status, text };
  } catch (error) {
    if (timeout.aborted) return { kind: 'retryable', status: null, text: `timed out after ${timeoutMs} ms` };
    if (signal?.aborted) return { kind: 'retryable', status: null, text: 'interrupted by shutdown' };
    return { kind: 'retryable', status: null, text: `network error ${networkCode(error)}` };
  }
}

function describe(outcome: Exclude<AttemptOutcome, { kind: 'delivered' }>): string {
  return outcome.status === null ? outcome.text : `HTTP ${outcome.status}${outcome.text ? ` ${outcome.text}` : ''}`;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

function backoff(attempt: number, options: DeliveryOptions): number {
  const ceiling = Math.min(options.backoffMaxMs, options.backoffBaseMs * 2 ** (attempt - 1));
  // Half fixed, half random: replicas that failed together do not all come back together.
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

export async function deliverToWebhook(
  url: string,
  message: unknown,
  options: DeliveryOptions = DEFAULT_DELIVERY,
  hooks: DeliveryHooks = {},
  signal?: AbortSignal,
): Promise<DeliveryResult> {
  const body = JSON.stringify(message);
  const safe = (text: string) => redactWebhook(text, url);
  let last: { status: number | null; error: string } = { status: null, error: 'not attempted' };
  let made = 0;
  for (let attempt = 1; attempt <= options.maxAttempts; attempt += 1) {
    if (signal?.aborted) {
      last.error = `${last.error}; interrupted by shutdown`;
      break;
    }
    await hooks.beforeAttempt?.(attempt);
    made = attempt;
    const outcome = await attemptDelivery(url, body, options.timeoutMs, signal);
    if (outcome.kind === 'delivered') return { delivered: true, attempts: attempt, status: outcome.status, error: null };
    last = { status: outcome.status, error: safe(describe(outcome)) };
    await hooks.afterFailedAttempt?.(attempt, last.error);
    if (outcome.kind === 'rejected') break;
    if (attempt === options.maxAttempts) break;
    let wait = backoff(attempt, options);
    if (outcome.kind === 'rate-limited' && outcome.retryAfterMs !== null) {
      if (outcome.retryAfterMs > options.maxRetryAfterMs) {
        last.error = `${last.error}; Retry-After ${Math.ceil(outcome.retryAfterMs / 1000)} s is longer than this run waits`;
        break;
      }
      wait = outcome.retryAfterMs;
    }
    await sleep(wait, signal);
  }
  return { delivered: false, attempts: made, status: last.status, error: last.error };
}
