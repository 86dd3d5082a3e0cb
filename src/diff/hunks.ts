// Unified-diff hunks from a line alignment: 3 lines of context, and changes closer than twice the
// context merged into one hunk, as git does.
import { DELETE, EQUAL, type LineOp } from './line-align.ts';

export const CONTEXT_LINES = 3;

/** One hunk as index ranges into the old and new record lists, with its changed blocks. */
export interface Hunk {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
  blocks: ChangeBlock[];
}

/** Consecutive changed records: old[oldStart, oldEnd) replaced by new[newStart, newEnd). */
export interface ChangeBlock {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

function changeBlocks(ops: readonly LineOp[]): ChangeBlock[] {
  const blocks: ChangeBlock[] = [];
  let oldPos = 0;
  let newPos = 0;
  let open: ChangeBlock | null = null;
  for (const op of ops) {
    if (op.kind === EQUAL) {
      open = null;
      oldPos += op.count;
      newPos += op.count;
      continue;
    }
    if (!open) {
      open = { oldStart: oldPos, oldEnd: oldPos, newStart: newPos, newEnd: newPos };
      blocks.push(open);
    }
    if (op.kind === DELETE) open.oldEnd = oldPos += op.count;
    else open.newEnd = newPos += op.count;
  }
  return blocks;
}

export function buildHunks(ops: readonly LineOp[], oldLength: number, newLength: number, context = CONTEXT_LINES): Hunk[] {
  const hunks: Hunk[] = [];
  for (const block of changeBlocks(ops)) {
    const last = hunks[hunks.length - 1];
    const lastBlock = last?.blocks[last.blocks.length - 1];
    // Lines between and around blocks are equal on both sides, so one count serves both.
    const trail = Math.min(context, oldLength - block.oldEnd, newLength - block.newEnd);
    if (last && lastBlock && block.oldStart - lastBlock.oldEnd <= 2 * context) {
      last.blocks.push(block);
      last.oldEnd = block.oldEnd + trail;
      last.newEnd = block.newEnd + trail;
      continue;
    }
    const lead = Math.min(context, block.oldStart, block.newStart);
    hunks.push({
      oldStart: block.oldStart - lead,
      newStart: block.newStart - lead,
      oldEnd: block.oldEnd + trail,
      newEnd: block.newEnd + trail,
      blocks: [block],
    });
  }
  return hunks;
}
