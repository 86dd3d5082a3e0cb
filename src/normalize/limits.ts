// Bounds on the work one untrusted file can cause: every loop and buffer in normalize is sized by these.

export interface NormalizeLimits {
  /** Git's window for binary sniffing, so normalize and the diff agree on what is binary. */
  binarySniffBytes: number;
  /** Larger frontmatter is refused rather than handed to the YAML parser. */
  maxFrontmatterBytes: number;
  /** Counted over the expanded tree, so YAML alias bombs are refused before anything serializes them. */
  maxFrontmatterNodes: number;
  maxFrontmatterDepth: number;
  /** Larger pages are hashed and stored but not parsed. */
  maxParseChars: number;
  maxHeadings: number;
  maxLinks: number;
  /** Longer targets are not links anyone follows; skipping them keeps rows small. */
  maxLinkTargetChars: number;
  /** Heading and link text is display text; longer runs are cut. */
  maxTextChars: number;
  /** Characters of a heading line read at all. */
  maxHeadingLineChars: number;
  /** Steps the link scanners may take per character of the page, so crafted input cannot go quadratic. */
  linkScanStepsPerChar: number;
}

export const DEFAULT_NORMALIZE_LIMITS: NormalizeLimits = {
  binarySniffBytes: 8000,
  maxFrontmatterBytes: 64 * 1024,
  maxFrontmatterNodes: 10_000,
  maxFrontmatterDepth: 32,
  maxParseChars: 4 * 1024 * 1024,
  maxHeadings: 5_000,
  maxLinks: 10_000,
  maxLinkTargetChars: 2_048,
  maxTextChars: 300,
  maxHeadingLineChars: 4_000,
  linkScanStepsPerChar: 32,
};

export function resolveLimits(overrides: Partial<NormalizeLimits> | undefined): NormalizeLimits {
  return overrides ? { ...DEFAULT_NORMALIZE_LIMITS, ...overrides } : DEFAULT_NORMALIZE_LIMITS;
}
