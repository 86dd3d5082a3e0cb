// Which repository locations git may be pointed at. The location is untrusted input that ends up on
// git's command line, and git reads far more out of a "URL" than a host and a path: `ext::sh -c …`
// runs a command, `fd::3` talks to a file descriptor, `--upload-pack=…` is an option, and
// `ssh://-oProxyCommand=…` becomes an option of ssh. So the rule is an allowlist, checked here before
// any process exists: https://, ssh://, scp-style `user@host:path`, and local folders. Nothing else.
import path from 'node:path';
import { invalidInput } from '../../errors.ts';

export type RepositoryProtocol = 'https' | 'ssh' | 'file';

export interface RepositoryLocation {
  kind: 'https' | 'ssh' | 'scp' | 'local';
  /** What git is given: the normalized URL, the scp-style address, or an absolute folder path. */
  address: string;
  /** The only transport git may use for this location (GIT_ALLOW_PROTOCOL). */
  protocol: RepositoryProtocol;
}

export const MAX_LOCATION_LENGTH = 2048;

const ALLOWED = 'use an https:// or ssh:// URL, user@host:path, or a local folder';
// A host name or a bracketed IPv6 address; a leading `-` would reach ssh as an option.
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])$/;
const USER = /^[A-Za-z0-9._~+][A-Za-z0-9._~+-]*$/;
// git treats `<scheme-chars>::<address>` as a remote helper (`ext::`, `fd::`, `testgit::`).
const REMOTE_HELPER = /^[A-Za-z0-9][A-Za-z0-9+.-]*::/;
const ANY_SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//;
const SCP = /^(?:([^@/:]+)@)?([^@/:]+|\[[^\]/]+\]):(.*)$/s;
 
const CONTROL = /[\u0000-\u001f\u007f]/;

function refuse(input: string, reason: string): never {
  const shown = input.length > 80 ? `${input.slice(0, 80)}…` : input;
  throw invalidInput(`refused repository location ${JSON.stringify(shown)}: ${reason}`);
}

function checkUrl(input: string, expected: 'https:' | 'ssh:'): URL {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    refuse(input, 'not a valid URL');
  }
  if (url.protocol !== expected) refuse(input, ALLOWED);
  const host = url.hostname;
  if (!host || !HOST.test(host)) refuse(input, 'the host name is missing or not a plain host name');
  if (url.password) refuse(input, 'credentials do not belong in the URL; configure a git credential helper or an ssh key');
  if (url.username && !USER.test(decodeURIComponent(url.username))) refuse(input, 'the user name is not a plain name');
  if (expected === 'https:' && url.username) {
    refuse(input, 'credentials do not belong in the URL; configure a git credential helper');
  }
  if (url.pathname === '' || url.pathname === '/') refuse(input, 'the URL names no repository');
  if (url.hash) refuse(input, 'a repository URL has no #fragment');
  return url;
}

/**
 * Parses a repository location, or throws INVALID_INPUT naming what is wrong. Pure: relative folder
 * paths are resolved against `cwd`, but nothing is read from disk (see `checkLocalRepository`).
 */
export function parseRepositoryLocation(input: string, cwd: string = process.cwd()): RepositoryLocation {
  if (typeof input !== 'string' || input.trim() === '') return refuse(String(input), 'it is empty');
  if (input.length > MAX_LOCATION_LENGTH) return refuse(input, `longer than ${MAX_LOCATION_LENGTH} characters`);
  if (CONTROL.test(input)) return refuse(input, 'it contains control characters');
  if (input !== input.trim()) return refuse(input, 'it starts or ends with white space');
  if (input.startsWith('-')) return refuse(input, 'it starts with "-", which git would read as an option');

  if (/^https:\/\//i.test(input)) {
    return { kind: 'https', address: checkUrl(input, 'https:').href, protocol: 'https' };
  }
  if (/^ssh:\/\//i.test(input)) {
    return { kind: 'ssh', address: checkUrl(input, 'ssh:').href, protocol: 'ssh' };
  }
  const scheme = ANY_SCHEME.exec(input);
  if (scheme) return refuse(input, `the ${scheme[1]!.toLowerCase()}:// scheme is not allowed; ${ALLOWED}`);
  if (REMOTE_HELPER.test(input)) return refuse(input, `git remote helpers (${input.split('::')[0]}::) are not allowed; ${ALLOWED}`);

  // git reads `host:path` as ssh when the first colon comes before any slash.
  const colon = input.indexOf(':');
  const slash = input.indexOf('/');
  if (colon !== -1 && (slash === -1 || colon < slash)) {
    const match = SCP.exec(input);
    if (!match) return refuse(input, `not a valid user@host:path address; ${ALLOWED}`);
    const [, user, host, repoPath] = match;
    if (user !== undefined && !USER.test(user)) return refuse(input, 'the user name is not a plain name');
    if (!HOST.test(host!)) return refuse(input, 'the host name is not a plain host name');
    if (!repoPath || repoPath.startsWith('-') || repoPath.startsWith(':')) return refuse(input, 'the repository path is missing or malformed');
    return { kind: 'scp', address: input, protocol: 'ssh' };
  }
  return { kind: 'local', address: path.resolve(cwd, input), protocol: 'file' };
}

/** A short, stable description for messages and logs: never includes anything but the address. */
export function describeLocation(location: RepositoryLocation): string {
  return location.kind === 'local' ? `folder ${location.address}` : location.address;
}
