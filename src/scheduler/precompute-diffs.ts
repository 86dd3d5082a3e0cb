// After a sync stores new versions, compute the diffs people will ask for first — each new version
// against its predecessor, and its successor against it when a version landed in the middle — so
// the first request for them is a cache read rather than a full diff.
import type { ServiceContext } from '../services/context.ts';
import { type AfterSyncStep, registerAfterSyncStep } from '../services/sync.ts';
import { diffPair } from '../services/version-diff.ts';
import { listVersionRows } from '../store/versions.ts';

export const precomputeDiffs: AfterSyncStep = async (ctx: ServiceContext, pkg, report) => {
  const rows = await listVersionRows(ctx.db, pkg.id);
  const pairs = new Set<number>();
  for (const ingested of report.ingested) {
    const index = rows.findIndex((row) => row.version === ingested.version);
    if (index > 0) pairs.add(index);
    if (index >= 0 && index < rows.length - 1) pairs.add(index + 1);
  }
  for (const index of [...pairs].sort((a, b) => a - b)) {
    await diffPair(ctx, { pkg, from: rows[index - 1]!, to: rows[index]! });
  }
};

let registered = false;

/** Idempotent: the step is added to the sync service once per process. */
export function registerDiffPrecompute(): void {
  if (registered) return;
  registered = true;
  registerAfterSyncStep(precomputeDiffs);
}
