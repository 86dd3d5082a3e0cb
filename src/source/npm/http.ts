// Bounded HTTP reads from a registry: one deadline for the whole request (headers and body) and a cap
// on the body size.
import { DocdeltaError, notFound, upstream } from '../../errors.ts';

export interface FetchLimits {
  maxBytes: number;
  /** The whole request, from connecting to the last body byte, must finish within this. */
  timeoutMs: number;
  /**
   * The limit the timeout message names, when `timeoutMs` is what is left of a longer deadline (a
   * retry's): the user set that one, and "within 1499 ms" names nothing they set.
   */
  statedTimeoutMs?: number;
}

export interface FetchOptions {
  accept?: string;
  /** Abandons the request (its caller no longer wants the answer); it then rejects as an upstream error. */
  signal?: AbortSignal;
}

export async function fetchBounded(url: string, limits: FetchLimits, options: FetchOptions = {}): Promise<Uint8Array> {
  const { accept, signal } = options;
  const controller = new AbortController();
  const abandon = () => controller.abort();
  if (signal?.aborted) abandon();
  signal?.addEventListener('abort', abandon, { once: true });
  const overdue = () =>
    upstream(`the download of ${url} did not finish within ${limits.statedTimeoutMs ?? limits.timeoutMs} ms (headers and body); the registry is stalled or too slow`);
  // The deadline does not rely on the abort reaching the body stream: every wait races it, so a
  // registry that trickles a byte a second is cut off at the deadline whatever the HTTP client does.
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(overdue());
      controller.abort();
    }, Math.max(0, limits.timeoutMs));
  });
  deadline.catch(() => {});
  const beforeDeadline = <T>(work: Promise<T>): Promise<T> => Promise.race([work, deadline]);
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  try {
    const response = await beforeDeadline(
      fetch(url, {
        signal: controller.signal,
        redirect: 'error',
        headers: accept ? { accept } : {},
      }),
    );
    if (response.status === 404) throw notFound(`the registry has nothing at ${url}`);
    if (!response.ok) throw upstream(`the registry answered ${response.status} for ${url}`);
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > limits.maxBytes) {
      throw upstream(`${url} is ${declared} bytes, over the ${limits.maxBytes}-byte limit`);
    }
    if (!response.body) return new Uint8Array();
    reader = response.body.getReader();
    const parts: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await beforeDeadline(reader.read());
      if (done) break;
      total += value.byteLength;
      if (total > limits.maxBytes) throw upstream(`${url} is over the ${limits.maxBytes}-byte limit`);
      parts.push(value);
    }
    reader = undefined;
    return new Uint8Array(Buffer.concat(parts));
  } catch (error) {
    if (error instanceof DocdeltaError) throw error;
    if (signal?.aborted) throw upstream(`the request for ${url} was abandoned`);
    if (controller.signal.aborted) throw overdue();
    throw upstream(`could not fetch ${url}: ${(error as Error).message}`, error);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', abandon);
    if (reader) {
      // Stop the transfer: an unfinished body would otherwise keep the socket (and the registry) busy.
      controller.abort();
      reader.cancel().catch(() => {});
    }
  }
}
