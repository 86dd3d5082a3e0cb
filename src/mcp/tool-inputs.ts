// What the tools accept. Everything is bounded: a 10 MB string or a wrong type is rejected by the
// SDK's validation (an `isError` result) before a handler runs. A path may be given relative to the
// docs root or to the package root; the tools try each reading in turn (firstFound).
import { z } from 'zod';
import { DocdeltaError, notFound } from '../errors.ts';

/** Bounds on tool arguments, checked by the input schemas before any handler runs. */
export const INPUT_LIMITS = {
  /** npm's own maximum name length. */
  packageName: 214,
  version: 128,
  path: 1_024,
  route: 2_048,
  /** file_diff pages; far more than any real patch needs at ANSWER_BUDGET.filePatch each. */
  page: 10_000,
} as const;

// Checked with refinements rather than `pattern`s, so the published JSON Schema carries no regular
// expression a client in another language might read differently.
const hasControl = (text: string) => /\p{Cc}/u.test(text);
const isToken = (text: string) => !hasControl(text) && !/\s/.test(text);

export const packageField = z
  .string()
  .min(1)
  .max(INPUT_LIMITS.packageName)
  .refine(isToken, 'a package name has no spaces or control characters')
  .describe('Package name, e.g. "@workos/mcp-docs-server". Leave out when only one package is tracked (list_packages shows them).');

export function versionField(role: string) {
  return z
    .string()
    .min(1)
    .max(INPUT_LIMITS.version)
    .refine(isToken, 'a version has no spaces or control characters')
    .describe(`${role}: a stored version such as "0.2.0", or "latest" / "previous" (list_versions shows them).`);
}

export const pathField = z
  .string()
  .min(1)
  .max(INPUT_LIMITS.path)
  .refine((text) => !hasControl(text), 'a path has no control characters');

export const routeField = z
  .string()
  .min(1)
  .max(INPUT_LIMITS.route)
  .refine((text) => !hasControl(text), 'a route has no control characters')
  .describe('A page route as the docs site serves it, e.g. "/user-management/sso" or "/authkit/sessions#refresh"; a full URL under the docs site works too.');

/** Tries each reading of a path; only "not found" moves on to the next, any other error is the answer. */
export async function firstFound<T>(candidates: readonly string[], attempt: (path: string) => Promise<T>): Promise<T> {
  const misses: string[] = [];
  for (const candidate of candidates) {
    try {
      return await attempt(candidate);
    } catch (error) {
      if (!(error instanceof DocdeltaError) || error.code !== 'NOT_FOUND') throw error;
      if (candidates.length === 1) throw error;
      misses.push(error.message);
    }
  }
  throw notFound(misses.join('; '));
}
