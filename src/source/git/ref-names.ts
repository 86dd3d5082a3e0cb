// Names that come from users (the tag pattern, the docs folder) or from the repository itself (tag
// names) and could reach git: each is checked here, so that nothing starting with `-` or carrying
// pathspec magic, `..` or control characters is ever passed on.
import { invalidInput } from '../../errors.ts';
import { matchGlob } from './tag-glob.ts';

export const MAX_TAG_NAME_LENGTH = 200;
export const MAX_TAG_PATTERN_LENGTH = 100;
export const MAX_DOCS_FOLDER_LENGTH = 512;

 
const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f]/;
// Characters git's check-ref-format refuses anywhere in a ref name.
const REF_FORBIDDEN = /[~^:?*[\\]/;

/**
 * Whether a tag name read from a repository is one docdelta keeps as a version name. Tags git itself
 * would not create (a leading `-`, `..`, control characters) are left out rather than trusted.
 */
export function isSafeTagName(name: string): boolean {
  if (name.length === 0 || name.length > MAX_TAG_NAME_LENGTH) return false;
  if (name.startsWith('-') || name.startsWith('.') || name.startsWith('/') || name.endsWith('/') || name.endsWith('.')) return false;
  if (CONTROL_OR_SPACE.test(name) || REF_FORBIDDEN.test(name)) return false;
  if (name.includes('..') || name.includes('@{') || name.includes('//') || name.endsWith('.lock')) return false;
  return name.split('/').every((part) => part.length > 0 && !part.startsWith('.'));
}

/** Throws INVALID_INPUT for a version name that cannot be a tag of ours (a ref starting with `-`, …). */
export function checkTagName(name: string): string {
  if (typeof name !== 'string' || !isSafeTagName(name)) {
    const shown = String(name).slice(0, 80);
    const reason = String(name).startsWith('-') ? 'it starts with "-", which git would read as an option' : 'not a valid tag name';
    throw invalidInput(`refused tag ${JSON.stringify(shown)}: ${reason}`);
  }
  return name;
}

const PATTERN = /^[A-Za-z0-9._/*?+@][A-Za-z0-9._/*?+@-]*$/;

/**
 * A tag pattern like `v*` or `docs-?.*` as a predicate. Only `*` (any run of characters, `/`
 * included, as git's for-each-ref patterns) and `?` (one character) are special; matching is done
 * here, in time bounded by pattern × tag length, so the pattern never reaches git. Tags longer than
 * MAX_TAG_NAME_LENGTH never match.
 */
export function tagMatcher(pattern: string | null | undefined): (tag: string) => boolean {
  if (pattern === null || pattern === undefined || pattern === '' || pattern === '*') return () => true;
  if (pattern.length > MAX_TAG_PATTERN_LENGTH) throw invalidInput(`the tag pattern is longer than ${MAX_TAG_PATTERN_LENGTH} characters`);
  if (!PATTERN.test(pattern)) {
    throw invalidInput(
      `refused tag pattern ${JSON.stringify(pattern.slice(0, 80))}: use letters, digits, . _ / + @ - and the wildcards * and ?, not starting with "-"`,
    );
  }
  // Not a regular expression: those backtrack exponentially on patterns like `*a*a*a…b` (see tag-glob.ts).
  return (tag) => tag.length <= MAX_TAG_NAME_LENGTH && matchGlob(pattern, tag);
}

/**
 * The docs folder as a clean repository-relative path (`docs/site`, no leading `./` or trailing `/`).
 * It reaches git only after `--`, with literal pathspecs, but is still held to plain path segments.
 */
export function normalizeDocsFolder(input: string, maxDepth = 64): string {
  const fail = (reason: string): never => {
    throw invalidInput(`refused docs folder ${JSON.stringify(String(input).slice(0, 80))}: ${reason}`);
  };
  if (typeof input !== 'string' || input.trim() === '') fail('it is empty');
  if (input.length > MAX_DOCS_FOLDER_LENGTH) fail(`longer than ${MAX_DOCS_FOLDER_LENGTH} characters`);
   
  if (/[\u0000-\u001f\u007f\\]/.test(input)) fail('it contains control characters or a backslash');
  if (input.startsWith('-')) fail('it starts with "-"');
  if (input.startsWith('/')) fail('it must be relative to the repository root');
  if (input.startsWith(':')) fail('pathspec magic is not allowed');
  const segments = input.split('/').filter((segment, index) => segment !== '' && !(segment === '.' && index === 0));
  if (segments.length === 0) fail('it names the repository root; name the folder that holds the pages');
  if (segments.some((segment) => segment === '.' || segment === '..')) fail('"." and ".." are not allowed inside the path');
  if (segments.some((segment) => segment.trim() !== segment)) fail('path segments may not start or end with white space');
  if (segments.length > maxDepth) fail(`nested deeper than ${maxDepth} folders`);
  return segments.join('/');
}
