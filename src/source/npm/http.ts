// Bounded HTTP reads from a registry: a timeout on the whole request and a cap on the body size.
import { DocdeltaError, notFound, upstream } from '../../errors.ts';

export interface FetchLimits {
  maxBytes: number;
  timeoutMs: number;
}

export async function fetchBounded(url: string, limits: FetchLimits, accept?: string): Promise<Uint8Array> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    const response = await fetch(url, {
      signal: controller.signal,
      redirect: 'error',
      headers: accept ? { accept } : {},
    });
    if (response.status === 404) throw notFound(`the registry has nothing at ${url}`);
    if (!response.ok) throw upstream(`the registry answered ${response.status} for ${url}`);
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > limits.maxBytes) {
      throw upstream(`${url} is ${declared} bytes, over the ${limits.maxBytes}-byte limit`);
    }
    if (!response.body) return new Uint8Array();
    const parts: Uint8Array[] = [];
    let total = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      total += chunk.byteLength;
      if (total > limits.maxBytes) {
        controller.abort();
        throw upstream(`${url} is over the ${limits.maxBytes}-byte limit`);
      }
      parts.push(chunk);
    }
    return new Uint8Array(Buffer.concat(parts));
  } catch (error) {
    if (error instanceof DocdeltaError) throw error;
    const reason = controller.signal.aborted ? `timed out after ${limits.timeoutMs} ms` : (error as Error).message;
    throw upstream(`could not fetch ${url}: ${reason}`, error);
  } finally {
    clearTimeout(timer);
  }
}
