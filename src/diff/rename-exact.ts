// Phase 1 (rename-spec section 1): byte-identical content. Destinations claim sources greedily in
// path order, preferring a source with the same file name; each source is used at most once.
import { MAX_SCORE } from './similarity.ts';
import { basenameOf, recordPair, type RenameState } from './rename-types.ts';

// Git stops looking after this many unused identical sources, so a blob copied thousands of times
// cannot make the phase quadratic; keeping the cap keeps our pairing identical to git's.
const MAX_IDENTICAL_CANDIDATES = 100;

export function findExactRenames(state: RenameState): void {
  const sourcesBySha = new Map<string, number[]>();
  state.sources.forEach((source, index) => {
    const list = sourcesBySha.get(source.sha256);
    if (list) list.push(index);
    else sourcesBySha.set(source.sha256, [index]);
  });

  state.destinations.forEach((destination, dst) => {
    const candidates = sourcesBySha.get(destination.sha256);
    if (!candidates) return;
    const name = basenameOf(destination.path);
    let chosen = -1;
    let examined = 0;
    for (const src of candidates) {
      if (state.srcUsed[src]) continue;
      if (chosen === -1) chosen = src;
      if (basenameOf(state.sources[src]!.path) === name) {
        chosen = src;
        break;
      }
      if (++examined === MAX_IDENTICAL_CANDIDATES) break;
    }
    if (chosen !== -1) recordPair(state, chosen, dst, MAX_SCORE);
  });
}
