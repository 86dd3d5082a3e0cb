// After a sync stores new versions, compute the diffs people will ask for first — each new version
// against its predecessor, and its successor against it when a version landed in the middle — so
// the first request for them is a cache read rather than a full diff. An after-sync step, passed to
// the context by the composition root.
import { listVersionRows } from '../store/versions.ts';
import type { AfterSyncStep } from './context.ts';
import { diffPair } from './version-diff.ts';

export const precomputeDiffs: AfterSyncStep = async (ctx, pkg, report) => {
  const rows = await listVersionRows(ctx.db, pkg.id);
  const pairs = new Set<number>();
  for (const ingested of report.ingested) {
    const index = rows.findIndex((row) => row.version === ingested.version);
    if (index > 0) pairs.add(index);
    if (index >= 0 && index < rows.length - 1) pairs.add(index + 1);
  }
  for (const index of [...pairs].sort((a, b) => a - b)) {
    await diffPair(ctx, { pkg, from: rows[index - 1]!, to: rows[index]! }, undefined, { patient: true });
  }
};
