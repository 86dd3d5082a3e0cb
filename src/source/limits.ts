// Bounds on anything fetched or unpacked: untrusted input never gets unbounded memory or time.
// The defaults are sized for documentation packages (the largest docs package we track unpacks to a
// few MB); README "Limits on untrusted input" lists them. Every limit can be raised per source.
export interface SourceLimits {
  /** Compressed tarball bytes. */
  maxTarballBytes: number;
  /**
   * Everything the gzip stream inflates to, trailing bytes after the tar end-of-archive marker
   * included: the extractor holds the files in memory, so this bounds its memory too.
   */
  maxUnpackedBytes: number;
  maxFileBytes: number;
  maxEntries: number;
  maxPathDepth: number;
  /** UTF-8 bytes of one path inside the package; the store refuses longer ones whatever the source. */
  maxPathBytes: number;
  maxPackumentBytes: number;
  /** One deadline for a whole download, from the request to the last byte of the body. */
  requestTimeoutMs: number;
}

export const DEFAULT_LIMITS: SourceLimits = {
  maxTarballBytes: 64 * 1024 * 1024,
  maxUnpackedBytes: 64 * 1024 * 1024,
  maxFileBytes: 16 * 1024 * 1024,
  maxEntries: 50_000,
  maxPathDepth: 64,
  maxPathBytes: 1024,
  maxPackumentBytes: 64 * 1024 * 1024,
  requestTimeoutMs: 60_000,
};
