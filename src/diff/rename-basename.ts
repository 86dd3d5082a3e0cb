// Phase 2 (rename-spec section 1): a file name that is unique among the remaining sources and
// among the remaining destinations pairs those two files if they are similar enough at a raised
// threshold. It runs before the matrix, so it wins even over a better-scoring other source.
import { estimateSimilarity, MAX_SCORE, type FingerprintCache } from './similarity.ts';
import { basenameOf, recordPair, type RenameState } from './rename-types.ts';

const AMBIGUOUS = -1;

/** Git raises the bar halfway from the minimum towards 100%: 50% -> 75%, 40% -> 70%. */
export function basenameThreshold(minScore: number): number {
  return minScore + Math.trunc(0.5 * (MAX_SCORE - minScore));
}

function uniqueIndexByName(paths: { path: string; index: number }[]): Map<string, number> {
  const byName = new Map<string, number>();
  for (const { path, index } of paths) {
    const name = basenameOf(path);
    byName.set(name, byName.has(name) ? AMBIGUOUS : index);
  }
  return byName;
}

export function findBasenameRenames(state: RenameState, minScore: number, cache: FingerprintCache): void {
  const threshold = basenameThreshold(minScore);
  const remainingSources = state.sources
    .map((file, index) => ({ path: file.path, index }))
    .filter(({ index }) => !state.srcUsed[index]);
  const remainingDestinations = state.destinations
    .map((file, index) => ({ path: file.path, index }))
    .filter(({ index }) => !state.dstPaired[index]);
  const sourceByName = uniqueIndexByName(remainingSources);
  const destinationByName = uniqueIndexByName(remainingDestinations);

  for (const { path, index: src } of remainingSources) {
    const name = basenameOf(path);
    if (sourceByName.get(name) !== src) continue;
    const dst = destinationByName.get(name);
    if (dst === undefined || dst === AMBIGUOUS) continue;
    const score = estimateSimilarity(state.sources[src]!, state.destinations[dst]!, threshold, cache);
    if (score >= threshold) recordPair(state, src, dst, score);
  }
}
