// Bounds on anything fetched or unpacked: untrusted input never gets unbounded memory or time.
export interface SourceLimits {
  /** Compressed tarball bytes. */
  maxTarballBytes: number;
  /** Sum of all unpacked file bytes. */
  maxUnpackedBytes: number;
  maxFileBytes: number;
  maxEntries: number;
  maxPathDepth: number;
  maxPackumentBytes: number;
  requestTimeoutMs: number;
}

export const DEFAULT_LIMITS: SourceLimits = {
  maxTarballBytes: 128 * 1024 * 1024,
  maxUnpackedBytes: 512 * 1024 * 1024,
  maxFileBytes: 32 * 1024 * 1024,
  maxEntries: 50_000,
  maxPathDepth: 64,
  maxPackumentBytes: 64 * 1024 * 1024,
  requestTimeoutMs: 60_000,
};
