// The changelog: per-version doc-aware summaries as Markdown (release notes) and as an Atom feed.
export {
  buildChangelog,
  type ChangelogPlan,
  changelogRequestSchema,
  type ChangelogRequest,
  DEFAULT_CHANGELOG_LIMIT,
  getChangelog,
  MAX_CHANGELOG_LIMIT,
  planChangelog,
} from './changelog-service.ts';
export { ATOM_CONTENT_TYPE, entryHtml, entryId, type FeedOptions, renderAtomFeed } from './render-atom-feed.ts';
export { renderChangelogMarkdown, renderEntryMarkdown } from './render-markdown-changelog.ts';
export {
  type Changelog,
  type ChangelogChanges,
  changelogChanges,
  type ChangelogEntry,
  type ChangesOptions,
  entryHeadline,
  summarizeDiff,
} from './changelog-changes.ts';
