// How renderers mark up the parts of their output a terminal colours. The renderers stay pure:
// they call these functions around the text, and the CLI's terminal module decides whether they
// add ANSI escapes (on a TTY) or nothing (a pipe, NO_COLOR, an HTTP response).
import type { FileChange } from '../types.ts';

export interface Paint {
  /** Added files, `+` bars and added lines: green in git. */
  added(text: string): string;
  /** Removed files, `-` bars and deleted lines: red in git. */
  removed(text: string): string;
  /** Renames and folder moves. */
  renamed(text: string): string;
  /** Modified files' status letter, headers, hunk ranges. */
  meta(text: string): string;
  /** Notes a reader may skip (`whitespace only`, totals). */
  dim(text: string): string;
}

const same = (text: string) => text;

export const PLAIN: Paint = { added: same, removed: same, renamed: same, meta: same, dim: same };

/** Git's one-letter file status. */
export const STATUS_LETTER = { added: 'A', removed: 'D', modified: 'M', renamed: 'R' } as const;

/** `text` painted by the file's status: added green, removed red, renamed as a move, modified as meta. */
export function paintStatus(change: FileChange, text: string, paint: Paint): string {
  if (change.status === 'added') return paint.added(text);
  if (change.status === 'removed') return paint.removed(text);
  if (change.status === 'renamed') return paint.renamed(text);
  return paint.meta(text);
}
