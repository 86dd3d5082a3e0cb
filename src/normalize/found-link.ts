// A link as a scanner finds it: by offset, turned into a line once all scanners have run.
import type { LinkKind } from '../types.ts';

export interface FoundLink {
  target: string;
  offset: number;
  kind: LinkKind;
  text: string | null;
}
