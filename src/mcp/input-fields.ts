// Argument schemas shared by the tools. Everything is bounded: a 10 MB string or a wrong type is
// rejected by the SDK's validation (an `isError` result) before a handler runs.
import { z } from 'zod';
import { INPUT_LIMITS } from './limits.ts';

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
