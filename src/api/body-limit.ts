// Request bodies are small JSON at most. A declared Content-Length over the limit is refused before
// a byte is read, whatever its type; JSON without a length (chunked) is cut off by the parser's own
// limit. Both become 413 with a JSON body.
import express from 'express';
import { HttpError } from './http-errors.ts';

export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;

export function bodyLimit(limitBytes: number): express.RequestHandler[] {
  const declaredLength: express.RequestHandler = (req, _res, next) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (Number.isFinite(declared) && declared > limitBytes) {
      next(new HttpError(413, 'PAYLOAD_TOO_LARGE', `request body too large (${limitBytes} bytes at most)`));
      return;
    }
    next();
  };
  const json = express.json({ limit: limitBytes, strict: true });
  // GET and HEAD carry no body worth reading; skipping the parser keeps the hot read path short.
  const jsonForWrites: express.RequestHandler = (req, res, next) => (req.method === 'GET' || req.method === 'HEAD' ? next() : json(req, res, next));
  return [declaredLength, jsonForWrites];
}
