// One source file → the record every later stage reads. Pure: bytes in, plain data out.
import type { NormalizedFile, SourceFile } from '../types.ts';
import { sha256Hex } from './content-hash.ts';
import { decodeText } from './decode-text.ts';
import { type NormalizeLimits, resolveLimits } from './limits.ts';
import { readDoc } from './read-doc.ts';
import { isMarkdownPath, isPartialPath, routeFor } from './routes.ts';

export interface NormalizeOptions {
  /** From `detectDocsRoot`, or a root configured for the package; null: no file is a page. */
  docsRoot: string | null;
  limits?: Partial<NormalizeLimits>;
  /** The bytes' sha256 when the caller already computed it (an ingest orders contents by it first). */
  sha256?: string;
}

/**
 * Never throws on content: binary or undecodable files, refused frontmatter and oversized pages are
 * recorded (`binary`, `note`, `frontmatterError`) so one bad file cannot fail a whole version.
 * `bytes` is the input array itself, unchanged: the diff needs git-exact content.
 */
export function normalizeFile(file: SourceFile, options: NormalizeOptions): NormalizedFile {
  const limits = resolveLimits(options.limits);
  const base = {
    path: file.path,
    sha256: options.sha256 ?? sha256Hex(file.bytes),
    size: file.bytes.byteLength,
    route: routeFor(file.path, options.docsRoot),
    bytes: file.bytes,
  };
  const decoded = decodeText(file.bytes, limits.binarySniffBytes);
  if (decoded.binary) return { ...base, binary: true, note: decoded.note, doc: null };
  if (!isMarkdownPath(file.path)) return { ...base, binary: false, note: decoded.note, doc: null };
  if (decoded.text.length > limits.maxParseChars) {
    return { ...base, binary: false, note: joinNotes([decoded.note, `not parsed: ${decoded.text.length} characters is over the ${limits.maxParseChars} limit`]), doc: null };
  }
  try {
    const { doc, notes } = readDoc(decoded.text, { partial: isPartialPath(file.path), markdownIndent: /\.md$/i.test(file.path) }, limits);
    return { ...base, binary: false, note: joinNotes([decoded.note, ...notes]), doc };
  } catch (error) {
    // A parser bug must cost one page its metadata, not the version its ingest.
    return { ...base, binary: false, note: joinNotes([decoded.note, `not parsed: ${error instanceof Error ? error.message : String(error)}`]), doc: null };
  }
}

/**
 * What an ingest stores of a file before its page is read: its hash, its size and whether it is
 * binary (git's rule), with the decoding note. The page fields and the route come when a reader first
 * needs them (services/page-reading.ts), from `normalizeFile` itself, so they are what reading at
 * ingest would have given.
 */
export function shallowFile(file: SourceFile, options: Pick<NormalizeOptions, 'limits' | 'sha256'> = {}): NormalizedFile {
  const limits = resolveLimits(options.limits);
  const decoded = decodeText(file.bytes, limits.binarySniffBytes);
  return { path: file.path, sha256: options.sha256 ?? sha256Hex(file.bytes), size: file.bytes.byteLength, route: null, bytes: file.bytes, binary: decoded.binary, note: decoded.note, doc: null };
}

function joinNotes(notes: Array<string | null>): string | null {
  const present = notes.filter((note): note is string => note !== null && note !== '');
  return present.length === 0 ? null : present.join('; ');
}
