// Where a digest links to: the web diff viewer under PUBLIC_BASE_URL. The viewer owns its URL
// scheme (src/api/web-urls.ts: `/p/<package>/diff/<from>...<to>#file-…`); this is the digest's
// single door to it.
import { diffPageUrl } from '../api/web-urls.ts';

export interface DiffViewTarget {
  package: string;
  from: string;
  to: string;
  /** One file of the diff (its new path; the old one for removed files). */
  path?: string;
}

export function diffViewUrl(baseUrl: string, target: DiffViewTarget): string {
  return diffPageUrl(baseUrl, target);
}
