// Phase 4 (rename-spec section 3): every remaining destination keeps its 4 best sources, then all
// kept candidates are taken greedily by score. The slot rules and the stable sort reproduce git's
// tie-breaking, which decides real pairings whenever several files score the same.
import { type ChunkFingerprint, WeightTable } from './chunk-hash.ts';
import { scoreFromCopied, sizeRejects, type FingerprintCache } from './similarity.ts';
import { basenameOf, recordPair, type RenameState } from './rename-types.ts';

interface Candidate {
  src: number;
  dst: number;
  score: number;
  nameScore: number;
}

/** Git's "a is worse than b" for slot replacement: empty first, then score, then same-name. */
function isWorse(a: Candidate | null, b: Candidate | null): boolean {
  if (a === null) return b !== null;
  if (b === null) return false;
  if (a.score !== b.score) return a.score < b.score;
  return a.nameScore < b.nameScore;
}

/**
 * Git's slot replacement. The candidate is only made (allocated) once it beats the worst slot: most of
 * the matrix's pairs do not, and making tens of thousands of objects to drop them fed the collector.
 */
function keepIfBetter(slots: (Candidate | null)[], src: number, dst: number, score: number, nameScore: number): void {
  let worst = 0;
  for (let i = 1; i < slots.length; i++) if (isWorse(slots[i]!, slots[worst]!)) worst = i;
  const current = slots[worst]!;
  // isWorse(current, candidate), spelled out on the fields.
  const better = current === null || (current.score !== score ? current.score < score : current.nameScore < nameScore);
  if (better) slots[worst] = { src, dst, score, nameScore };
}

function byRank(a: Candidate | null, b: Candidate | null): number {
  if (a === null || b === null) return (a === null ? 1 : 0) - (b === null ? 1 : 0);
  if (a.score !== b.score) return b.score - a.score;
  return b.nameScore - a.nameScore;
}

export function findMatrixRenames(state: RenameState, minScore: number, cache: FingerprintCache): void {
  const sources = state.sources.map((_, index) => index).filter((index) => !state.srcUsed[index]);
  const sourceNames = state.sources.map((source) => basenameOf(source.path));
  const table = new WeightTable();
  // Each source's fingerprint by index: looked up once per pair, a Map lookup by hash cost more than the score.
  const sourcePrints: (ChunkFingerprint | undefined)[] = new Array(state.sources.length);
  const all: (Candidate | null)[] = [];
  state.destinations.forEach((destination, dst) => {
    if (state.dstPaired[dst]) return;
    const slots: (Candidate | null)[] = [null, null, null, null];
    const name = basenameOf(destination.path);
    const dstSize = destination.bytes.length;
    let tableLoaded = false;
    for (const src of sources) {
      const source = state.sources[src]!;
      const srcSize = source.bytes.length;
      let score = 0;
      // Same result as estimateSimilarity, with the destination's weights looked up in a table.
      if (!sizeRejects(srcSize, dstSize, minScore) && dstSize > 0) {
        if (!tableLoaded) {
          table.load(cache.of(destination));
          tableLoaded = true;
        }
        score = scoreFromCopied(table.copiedFrom((sourcePrints[src] ??= cache.of(source))), srcSize, dstSize);
      }
      keepIfBetter(slots, src, dst, score, sourceNames[src] === name ? 1 : 0);
    }
    all.push(...slots);
  });

  // Array.prototype.sort is stable, which is what keeps git's destination-then-slot order on ties.
  all.sort(byRank);
  for (const candidate of all) {
    if (candidate === null || candidate.score < minScore) break;
    if (state.dstPaired[candidate.dst] || state.srcUsed[candidate.src]) continue;
    recordPair(state, candidate.src, candidate.dst, candidate.score);
  }
}
