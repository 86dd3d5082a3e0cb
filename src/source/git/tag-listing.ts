// A repository's tags as versions: `git for-each-ref` output parsed into tag name, commit and date.
// Tags that point at something other than a commit, or whose names docdelta would not pass to git,
// are left out.
import { isSafeTagName } from './ref-names.ts';

export interface TagRecord {
  name: string;
  /** The commit the tag points at (annotated tags peeled). */
  commit: string;
  /** The tagger date of an annotated tag, else the commit's date. */
  date: Date | null;
}

/** The for-each-ref format parseTagListing reads: NUL-separated fields, one tag per line. */
export const TAG_FORMAT = ['%(refname)', '%(objecttype)', '%(objectname)', '%(*objecttype)', '%(*objectname)', '%(creatordate:unix)', '%(*committerdate:unix)'].join('%00');

const OID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
const PREFIX = 'refs/tags/';

function dateOf(...candidates: (string | undefined)[]): Date | null {
  for (const value of candidates) {
    if (!value || !/^\d{1,12}$/.test(value)) continue;
    const date = new Date(Number(value) * 1000);
    if (!Number.isNaN(date.getTime())) return date;
  }
  return null;
}

export function parseTagListing(output: string): { tags: TagRecord[]; skipped: string[] } {
  const tags: TagRecord[] = [];
  const skipped: string[] = [];
  for (const line of output.split('\n')) {
    if (line === '') continue;
    const [refname = '', type, oid = '', peeledType, peeledOid = '', creatorDate, peeledDate] = line.split('\0');
    if (!refname.startsWith(PREFIX)) continue;
    const name = refname.slice(PREFIX.length);
    const commit = type === 'commit' ? oid : type === 'tag' && peeledType === 'commit' ? peeledOid : null;
    if (!commit || !OID.test(commit) || !isSafeTagName(name)) {
      skipped.push(name);
      continue;
    }
    tags.push({ name, commit, date: dateOf(type === 'tag' ? creatorDate : undefined, peeledDate, creatorDate) });
  }
  return { tags, skipped };
}
