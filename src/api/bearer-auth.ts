// Write endpoints need `Authorization: Bearer $API_TOKEN`. With no token configured they are
// switched off (503), never open. Tokens are compared as SHA-256 digests with timingSafeEqual, so
// neither the content nor the length of the secret leaks through response timing.
import crypto from 'node:crypto';
import type express from 'express';
import { HttpError } from './http-errors.ts';

const digest = (value: string) => crypto.createHash('sha256').update(value, 'utf8').digest();

export function tokenMatches(given: string, expected: string): boolean {
  return crypto.timingSafeEqual(digest(given), digest(expected));
}

export function requireBearerToken(expectedToken: string | undefined): express.RequestHandler {
  return (req, _res, next) => {
    if (!expectedToken) {
      next(new HttpError(503, 'NOT_CONFIGURED', 'this endpoint is disabled: no API_TOKEN is configured'));
      return;
    }
    const header = req.headers.authorization ?? '';
    const match = /^Bearer ([^\s]+)$/i.exec(header.trim());
    if (!match || !tokenMatches(match[1]!, expectedToken)) {
      next(new HttpError(401, 'UNAUTHORIZED', 'a valid bearer token is required', { 'WWW-Authenticate': 'Bearer realm="docdelta"' }));
      return;
    }
    next();
  };
}
