// Git's `diff -M` pairing of deleted and added paths (rename-spec sections 1-3), phase by phase.
// Unlike git there is no silent default limit: a limit only applies when the caller sets one, and
// the result then says it was applied.
import { findBasenameRenames } from './rename-basename.ts';
import { findExactRenames } from './rename-exact.ts';
import { findMatrixRenames } from './rename-matrix.ts';
import type { RenameFile, RenamePair, RenameState } from './rename-types.ts';
import { FingerprintCache, MAX_SCORE } from './similarity.ts';

export interface RenameOptions {
  /** Minimum score, 0..60000 (30000 = 50%). */
  minScore: number;
  /** Skip the inexact matrix when remaining sources x destinations exceed limit². <= 0 or absent: unlimited. */
  renameLimit?: number;
}

export interface RenameResult {
  pairs: RenamePair[];
  /** True when the matrix was skipped because of `renameLimit`; exact and same-name pairs still count. */
  limitApplied: boolean;
}

/** `sources` (only in the old tree) and `destinations` (only in the new tree) must be in path order. */
export function detectRenames(sources: RenameFile[], destinations: RenameFile[], options: RenameOptions): RenameResult {
  const state: RenameState = {
    sources,
    destinations,
    srcUsed: sources.map(() => false),
    dstPaired: destinations.map(() => false),
    pairs: [],
  };
  const done = (limitApplied = false): RenameResult => ({ pairs: state.pairs, limitApplied });
  if (sources.length === 0 || destinations.length === 0) return done();

  findExactRenames(state);
  if (options.minScore >= MAX_SCORE) return done();

  const cache = new FingerprintCache();
  findBasenameRenames(state, options.minScore, cache);

  const remainingSources = state.srcUsed.filter((used) => !used).length;
  const remainingDestinations = state.dstPaired.filter((paired) => !paired).length;
  if (remainingSources === 0 || remainingDestinations === 0) return done();
  const limit = options.renameLimit ?? 0;
  if (limit > 0 && remainingSources * remainingDestinations > limit * limit) return done(true);

  findMatrixRenames(state, options.minScore, cache);
  return done();
}
