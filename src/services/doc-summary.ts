// The doc summary of a version pair, the one every consumer reads (digest, changelog, MCP): pages
// added, removed and changed, folder moves and what they leave unexplained, most-changed pages.
// It is computed from the diff once and kept with it: diffPair hands out the same VersionDiff
// object while the pair is recent, and the summary lives exactly as long as that object does.
import { type DocSummary, summarizeDocChanges } from '../diff/doc-summary.ts';
import type { VersionDiff } from '../types.ts';
import type { ServiceContext } from './context.ts';
import { DEFAULT_RENAME_THRESHOLD, type DiffRequest, diffPair, getVersionDiff, type ResolvedPair } from './version-diff.ts';

export type { DocSummary, RenameChange, SummaryMove } from '../diff/doc-summary.ts';

const summaries = new WeakMap<VersionDiff, DocSummary>();

/**
 * The summary of a diff, computed on first use and shared after. Consumers get one object, so it
 * is frozen (its lists too): a consumer that wants to add to it (links, say) makes its own copy.
 */
export function docSummaryOf(diff: VersionDiff): DocSummary {
  let summary = summaries.get(diff);
  if (!summary) {
    const computed = summarizeDocChanges(diff);
    for (const list of Object.values(computed)) if (Array.isArray(list)) Object.freeze(list);
    summary = Object.freeze(computed);
    summaries.set(diff, summary);
  }
  return summary;
}

/** The doc summary of a resolved pair (the diff is read from, or written to, the diff cache). */
export async function summarizePair(ctx: ServiceContext, pair: ResolvedPair, renameThreshold = DEFAULT_RENAME_THRESHOLD): Promise<DocSummary> {
  return docSummaryOf(await diffPair(ctx, pair, renameThreshold));
}

/** The doc summary of a diff request (package, versions, optional path), as getVersionDiff resolves it. */
export async function getDocSummary(ctx: ServiceContext, request: DiffRequest): Promise<DocSummary> {
  return docSummaryOf(await getVersionDiff(ctx, request));
}
