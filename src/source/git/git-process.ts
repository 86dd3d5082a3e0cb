// How docdelta runs git against repositories it does not trust: one place that builds the child's
// environment and the simple-git instance, and that turns git's failures into DocdeltaErrors.
//
// - The environment is an allowlist, not process.env: a stray GIT_DIR, GIT_SSH_COMMAND or
//   GIT_ASKPASS in the parent must not steer git (simple-git would also refuse to run with them).
// - GIT_TERMINAL_PROMPT=0: a private repository fails at once instead of waiting for a password.
// - GIT_ALLOW_PROTOCOL names the one transport the location needs, so even a redirect or a
//   url.*.insteadOf rewrite cannot reach ext::, fd:: or plain http.
// - No submodule recursion, no automatic gc/maintenance (it would outlive our timeouts).
// - simple-git's `unsafe` options all stay off: its argument checks are a second wall behind ours.
// - A rolling inactivity timeout (simple-git's `timeout.block`) and an overall deadline (abort signal).
import { GitError, GitPluginError, simpleGit, type SimpleGit } from 'simple-git';
import { DocdeltaError, invalidInput, upstream } from '../../errors.ts';
import type { RepositoryProtocol } from './repository-location.ts';

export interface GitLimits {
  /** Kill git when it has been silent this long. */
  inactivityMs: number;
  /** Give up on one git command after this long, however chatty. */
  totalMs: number;
  /** More matching tags than this is refused: narrow them with a tag pattern. */
  maxTags: number;
  /** Object ids per `git fetch` when filling in a partial clone. */
  fetchBatch: number;
}

export const DEFAULT_GIT_LIMITS: GitLimits = {
  inactivityMs: 60_000,
  totalMs: 15 * 60_000,
  maxTags: 5_000,
  fetchBatch: 1_000,
};

const PASSED_THROUGH = ['PATH', 'HOME', 'SSH_AUTH_SOCK', 'HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy', 'XDG_CONFIG_HOME', 'TMPDIR', 'SYSTEMROOT'];

export function gitEnvironment(protocol: RepositoryProtocol, parent: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const env: Record<string, string> = {
    GIT_TERMINAL_PROMPT: '0',
    GIT_ALLOW_PROTOCOL: protocol,
    GIT_NO_REPLACE_OBJECTS: '1',
    GIT_LITERAL_PATHSPECS: '1',
    LC_ALL: 'C',
  };
  for (const key of PASSED_THROUGH) {
    const value = parent[key];
    if (value) env[key] = value;
  }
  return env;
}

/** `-c` settings for every command: nothing recursive, nothing left running in the background. */
export const GIT_CONFIG = ['submodule.recurse=false', 'fetch.recurseSubmodules=false', 'gc.auto=0', 'maintenance.auto=false', 'credential.interactive=never'];

export type GitFactory = (baseDir: string) => SimpleGit;

/** The simple-git instance every git command of a git source goes through. */
export function hardenedGitFactory(protocol: RepositoryProtocol, limits: GitLimits = DEFAULT_GIT_LIMITS): GitFactory {
  const env = gitEnvironment(protocol);
  return (baseDir) =>
    simpleGit({
      baseDir,
      binary: 'git',
      maxConcurrentProcesses: 2,
      config: GIT_CONFIG,
      timeout: { block: limits.inactivityMs },
      abort: AbortSignal.timeout(limits.totalMs),
      trimmed: false,
    }).env(env);
}

function firstLines(text: string, max = 3): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('hint:'))
    .slice(0, max)
    .join(' / ')
    .slice(0, 500);
}

/** A git failure as a DocdeltaError: refused arguments are bad input, everything else is upstream. */
export function gitFailure(error: unknown, doing: string, limits: GitLimits = DEFAULT_GIT_LIMITS): DocdeltaError {
  if (error instanceof DocdeltaError) return error;
  if (error instanceof GitPluginError) {
    if (error.plugin === 'unsafe') return invalidInput(`refused to run git while ${doing}: ${error.message}`);
    if (error.plugin === 'timeout') return upstream(`git was silent for ${Math.round(limits.inactivityMs / 1000)} s while ${doing}; gave up`, error);
    if (error.plugin === 'abort') return upstream(`git took longer than ${Math.round(limits.totalMs / 1000)} s while ${doing}; gave up`, error);
  }
  if (error instanceof GitError) return upstream(`git failed while ${doing}: ${firstLines(error.message) || 'no message'}`, error);
  return upstream(`git failed while ${doing}: ${(error as Error)?.message ?? String(error)}`, error);
}

/** Runs one git command, mapping its failure. */
export async function runGit<T>(doing: string, run: () => Promise<T>, limits: GitLimits = DEFAULT_GIT_LIMITS): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw gitFailure(error, doing, limits);
  }
}
