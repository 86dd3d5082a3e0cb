// A link that does not work, where it is written, why, and what to write instead.
import type { DocLink } from '../types.ts';
import type { BrokenCode } from './resolve-link.ts';
import type { Fix } from './suggest-fix.ts';

export type BrokenScope = 'internal' | 'upgrade' | 'scan';

export interface BrokenLink {
  /**
   * internal: a link in the `to` docs that does not resolve in `to`;
   * upgrade: a target the `from` docs link to that worked in `from` and fails in `to`;
   * scan: a link in the scanned folder that fails in `to`.
   */
  scope: BrokenScope;
  /** Where the link is written; for upgrade, the first place in the `from` docs. */
  file: string;
  line: number;
  /** How many more places link to the same target (upgrade and scan group by target). */
  alsoAt: number;
  target: string;
  kind: DocLink['kind'] | 'app';
  code: BrokenCode;
  reason: string;
  fix: Fix | null;
}
