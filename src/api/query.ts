// Query strings are untrusted: every parameter must appear at most once, as a plain string of
// bounded length, and only the parameters a route names are accepted. The app uses express's
// "simple" query parser (node:querystring), so `from[x]=` arrives as the literal key `from[x]`
// and `from=a&from=b` as an array — both refused here rather than silently reinterpreted.
import type express from 'express';
import { z } from 'zod';
import { invalidInput } from '../errors.ts';

export const MAX_PARAM_LENGTH = 200;
export const MAX_PATH_PARAM_LENGTH = 1024;

const VERSION_PATTERN = /^v?\d+(?:\.\d+)*(?:[-+][0-9A-Za-z.+-]*)?$/;
// npm names, plus the upper-case legacy names and the names given to git-tracked packages.
const PACKAGE_PATTERN = /^(?:@[A-Za-z0-9][\w.~-]*\/)?[A-Za-z0-9][\w.~-]*$/;
 
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** A stored version (`0.2.0`, `v1.2.0`, `2024.01`) or a shortcut. */
export const versionParam = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'is too long (64 characters at most)')
  .refine((value) => value === 'latest' || value === 'previous' || VERSION_PATTERN.test(value), {
    message: 'must be a version such as 1.2.0, or latest / previous',
  });

export const packageParam = z
  .string()
  .min(1, 'must not be empty')
  .max(214, 'is too long (214 characters at most)')
  .regex(PACKAGE_PATTERN, 'must be a package name such as @scope/name');

/** A file path or path prefix inside a package, as the diff engine names files. */
export const pathParam = z
  .string()
  .min(1, 'must not be empty')
  .max(MAX_PATH_PARAM_LENGTH, `is too long (${MAX_PATH_PARAM_LENGTH} characters at most)`)
  .refine((value) => !CONTROL_CHARACTERS.test(value), { message: 'must not contain control characters' });

type Shape = Record<string, z.ZodType>;

function shown(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/** The raw parameters, each checked to be one plain string; anything else is the client's error. */
function singleValues(query: unknown, allowed: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof query !== 'object' || query === null) return out;
  for (const [key, value] of Object.entries(query as Record<string, unknown>)) {
    if (/[[\]]/.test(key)) throw invalidInput(`parameter ${shown(key)} is not accepted: brackets are not part of this API`);
    if (!allowed.includes(key)) {
      throw invalidInput(`unknown parameter ${shown(key)}; accepted: ${allowed.join(', ') || 'none'}`);
    }
    if (Array.isArray(value)) throw invalidInput(`parameter ${shown(key)} is given ${value.length} times; give it once`);
    if (typeof value !== 'string') throw invalidInput(`parameter ${shown(key)} must be a plain string`);
    out[key] = value;
  }
  return out;
}

/** For routes that take no parameters at all. */
export const NO_PARAMETERS: Shape = Object.freeze({});

/**
 * Validates `req.query` against a shape of zod string schemas. Missing required parameters,
 * repeated or bracketed ones, unknown ones and oversized values all become INVALID_INPUT (400).
 *
 * Each parameter is checked with its own schema rather than through z.object: building an object
 * schema compiles a parser, and per request (shapes are often written inline) that dominated the
 * hot path.
 */
export function parseQuery<S extends Shape>(req: express.Request, shape: S): { [K in keyof S]: z.output<S[K]> } {
  return parseQueryObject(req.query, shape);
}

/** parseQuery over an already parsed query object (node:querystring's shape). */
export function parseQueryObject<S extends Shape>(query: unknown, shape: S): { [K in keyof S]: z.output<S[K]> } {
  const raw = singleValues(query, Object.keys(shape));
  const out: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(shape)) {
    const parsed = schema.safeParse(raw[name]);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw invalidInput(raw[name] === undefined ? `parameter ${name} is required` : `parameter ${name} ${issue.message}`);
    }
    if (parsed.data !== undefined) out[name] = parsed.data;
  }
  return out as { [K in keyof S]: z.output<S[K]> };
}
