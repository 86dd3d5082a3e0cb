// Shapes shared by the rename phases. Indices point into the caller's source and destination
// lists, which are in git's diff-queue order (bytewise path order).

export interface RenameFile {
  path: string;
  sha256: string;
  bytes: Uint8Array;
}

export interface RenamePair {
  src: number;
  dst: number;
  /** 0..60000; 60000 for exact renames. */
  score: number;
}

/** Which sources are taken and which destinations are paired, as the phases fill them in. */
export interface RenameState {
  sources: RenameFile[];
  destinations: RenameFile[];
  srcUsed: boolean[];
  dstPaired: boolean[];
  pairs: RenamePair[];
}

export function basenameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function recordPair(state: RenameState, src: number, dst: number, score: number): void {
  state.srcUsed[src] = true;
  state.dstPaired[dst] = true;
  state.pairs.push({ src, dst, score });
}
