// Git repositories as a package source: tags are versions, a docs folder holds the files.
export { GitSource, type GitSourceOptions } from './git-source.ts';
export { DEFAULT_GIT_LIMITS, type GitFactory, type GitLimits, hardenedGitFactory } from './git-process.ts';
export { parseRepositoryLocation, type RepositoryLocation } from './repository-location.ts';
