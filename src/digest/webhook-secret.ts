// The webhook URL is a bearer secret: whoever has it can post to the channel. It is kept only in
// memory; the database stores its sha256 (enough to tell webhooks apart) and every text that could
// reach a log, a job record or an HTTP answer is passed through `redactWebhook` first.
import crypto from 'node:crypto';

export function webhookHash(url: string): string {
  return crypto.createHash('sha256').update(url).digest('hex');
}

/** Removes the URL, and its path on its own (the secret part), from a text. */
export function redactWebhook(text: string, url: string | undefined): string {
  if (!url) return text;
  let out = text.split(url).join('[webhook]');
  try {
    const { pathname, search } = new URL(url);
    for (const secret of [`${pathname}${search}`, pathname]) {
      if (secret.length > 1) out = out.split(secret).join('[webhook]');
    }
  } catch {
    // Not a URL: nothing more to look for.
  }
  return out;
}
