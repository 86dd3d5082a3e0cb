// Conditional GET over an in-process cache of serialized responses. A diff between two stored
// versions never changes for a given algorithm, so its ETag is derived from the resolved request
// alone: a matching If-None-Match is answered 304 before any body is built, and a cached body is
// written straight from memory (pre-gzipped once for clients that accept it).
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import type http from 'node:http';
import { LruCache } from '../lru-cache.ts';

/** Bump when the shape of a cached response changes, so old ETags stop matching. */
const REPRESENTATION_VERSION = 'api/1';
const GZIP_MIN_BYTES = 1024;

export interface BuiltBody {
  body: string | Buffer;
  contentType: string;
  /** A note for the client (a path filter that matched no file), sent as `Docdelta-Warning`. */
  warning?: string;
}

interface CachedBody {
  body: Buffer;
  gzip: Buffer | null | undefined;
  contentType: string;
  warning?: string;
}

/** Header values are ASCII: anything else is escaped as in JSON. */
const headerText = (text: string) => text.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).slice(0, 1000);

export interface ResponseCacheOptions {
  maxEntries?: number;
  maxBytes?: number;
}

const etags = new Map<string, string>();

export function etagFor(key: string): string {
  let etag = etags.get(key);
  if (etag === undefined) {
    const digest = crypto.createHash('sha256').update(`${REPRESENTATION_VERSION}\u0000${key}`).digest('base64url');
    etag = `"${digest.slice(0, 32)}"`;
    if (etags.size >= 10_000) etags.clear();
    etags.set(key, etag);
  }
  return etag;
}

/** RFC 9110 weak comparison: `W/` is ignored, a list may carry several tags, `*` matches anything. */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  for (const part of header.split(',')) {
    const tag = part.trim().replace(/^W\//, '');
    if (tag === etag) return true;
  }
  return false;
}

function acceptsGzip(req: http.IncomingMessage): boolean {
  const header = req.headers['accept-encoding'];
  if (typeof header !== 'string' || !header.includes('gzip')) return false;
  return !/gzip\s*;\s*q=0(?:\.0*)?(?:\s*(?:,|$))/.test(header);
}

function setValidators(res: http.ServerResponse, etag: string, cacheControl: string): void {
  res.setHeader('ETag', etag);
  res.setHeader('Cache-Control', cacheControl);
  res.setHeader('Vary', 'Accept-Encoding');
}

function writeNotModified(res: http.ServerResponse, etag: string, cacheControl: string): void {
  setValidators(res, etag, cacheControl);
  res.statusCode = 304;
  res.end();
}

function writeBody(req: http.IncomingMessage, res: http.ServerResponse, etag: string, cacheControl: string, entry: CachedBody): void {
  setValidators(res, etag, cacheControl);
  res.setHeader('Content-Type', entry.contentType);
  if (entry.warning) res.setHeader('Docdelta-Warning', headerText(entry.warning));
  if (entry.body.length >= GZIP_MIN_BYTES && acceptsGzip(req)) {
    entry.gzip ??= zlib.gzipSync(entry.body, { level: 6 });
    res.setHeader('Content-Encoding', 'gzip');
    res.setHeader('Content-Length', entry.gzip.length);
    res.end(entry.gzip);
    return;
  }
  res.setHeader('Content-Length', entry.body.length);
  res.end(entry.body);
}

export interface CachedSend {
  /** Everything that decides the body: resolved ids, options, algorithm version. */
  key: string;
  cacheControl: string;
  build: () => Promise<BuiltBody>;
}

export class ResponseCache {
  readonly #bodies: LruCache<CachedBody>;
  readonly #building = new Map<string, Promise<CachedBody>>();

  constructor(options: ResponseCacheOptions = {}) {
    this.#bodies = new LruCache({ maxEntries: options.maxEntries ?? 500, maxBytes: options.maxBytes ?? 64 * 1024 * 1024 });
  }

  get entries(): number {
    return this.#bodies.size;
  }

  clear(): void {
    this.#bodies.clear();
  }

  async #body(key: string, build: () => Promise<BuiltBody>): Promise<CachedBody> {
    const hit = this.#bodies.get(key);
    if (hit) return hit;
    // Concurrent misses on one key share a single build, so a burst cannot recompute a diff N times.
    let pending = this.#building.get(key);
    if (!pending) {
      pending = build()
        .then((built): CachedBody => {
          const body = typeof built.body === 'string' ? Buffer.from(built.body) : built.body;
          const entry: CachedBody = { body, gzip: undefined, contentType: built.contentType, ...(built.warning ? { warning: built.warning } : {}) };
          this.#bodies.set(key, entry, body.length * 2);
          return entry;
        })
        .finally(() => this.#building.delete(key));
      this.#building.set(key, pending);
    }
    return pending;
  }

  /** Answers 304 when the client holds the current version, else the (cached) body. */
  async send(req: http.IncomingMessage, res: http.ServerResponse, send: CachedSend): Promise<void> {
    const etag = etagFor(send.key);
    if (ifNoneMatchHits(req.headers['if-none-match'], etag)) {
      writeNotModified(res, etag, send.cacheControl);
      return;
    }
    // Built before any header is set, so a failed build leaves no ETag on the error response.
    const entry = await this.#body(send.key, send.build);
    writeBody(req, res, etag, send.cacheControl, entry);
  }

  /**
   * The same answer as send(), but only if it needs no work at all (a 304, or a body already in
   * memory); returns a writer, or undefined when the caller has to go the long way.
   */
  ready(req: http.IncomingMessage, key: string, cacheControl: string): ((res: http.ServerResponse) => void) | undefined {
    const etag = etagFor(key);
    if (ifNoneMatchHits(req.headers['if-none-match'], etag)) return (res) => writeNotModified(res, etag, cacheControl);
    const entry = this.#bodies.get(key);
    return entry ? (res) => writeBody(req, res, etag, cacheControl, entry) : undefined;
  }
}
