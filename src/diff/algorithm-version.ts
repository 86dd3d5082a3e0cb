// Changes whenever the engine would give a different result for the same input, so cached diffs
// keyed by it are recomputed. Its own module: readers of cached diffs need it without the engine.
export const ALGORITHM_VERSION = 'docdelta-diff/3';
