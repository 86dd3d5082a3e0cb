// The shape of bench/results.json, checked before it is written so a broken run never replaces a
// good file with a malformed one. Ratios are ours / theirs of the medians: below 1 means faster.
import { z } from 'zod';

export const runStatsSchema = z.object({
  median: z.number(),
  min: z.number(),
  max: z.number(),
  runs: z.number().int().positive(),
});

export const comparisonSchema = z.object({
  name: z.string().min(1),
  /** What docdelta ran. */
  ours: z.string().min(1),
  ours_ms: z.number().nonnegative(),
  /** What a user would otherwise run. */
  theirs: z.string().min(1),
  theirs_ms: z.number().positive(),
  ratio: z.number().nonnegative(),
  ours_runs: runStatsSchema,
  theirs_runs: runStatsSchema,
  goal: z.string().nullable(),
  met: z.boolean().nullable(),
  notes: z.string().nullable(),
});

export const figureSchema = z.object({
  section: z.string().min(1),
  name: z.string().min(1),
  unit: z.string().min(1),
  value: runStatsSchema,
  goal: z.string().nullable(),
  met: z.boolean().nullable(),
  notes: z.string().nullable(),
});

export const scalePointSchema = z.object({
  versions: z.number().int().positive(),
  files: z.number().int().nonnegative(),
  syncMs: z.number().nonnegative(),
  rawBytes: z.number().nonnegative(),
  databaseBytes: z.number().nonnegative(),
  /** Bytes the package's rows take, by table (blobs, doc_meta, version_files, …). */
  tableBytes: z.record(z.string(), z.number().nonnegative()),
  blobs: z.number().int().nonnegative(),
  diffFirstToLastMs: z.number().nonnegative(),
  diffMiddlePairMs: z.number().nonnegative(),
  middlePair: z.tuple([z.string(), z.string()]),
  peakRssMb: z.number().nonnegative(),
});

export const scaleRunSchema = z.object({
  driver: z.enum(['pglite', 'postgres']),
  points: z.array(scalePointSchema),
  notes: z.string().nullable(),
});

export const resultsSchema = z.object({
  schema: z.literal(1),
  generatedAt: z.string(),
  mode: z.enum(['full', 'quick']),
  durationMs: z.number().nonnegative(),
  machine: z.object({
    cpus: z.number().int().positive(),
    cpuModel: z.string(),
    memoryBytes: z.number().positive(),
    platform: z.string(),
    arch: z.string(),
    /** 1, 5 and 15-minute load averages when the run started and ended: other work on a shared machine skews every figure. */
    loadAverage: z.object({ start: z.array(z.number()).length(3), end: z.array(z.number()).length(3) }),
  }),
  tools: z.record(z.string(), z.string().nullable()),
  comparisons: z.array(comparisonSchema),
  figures: z.array(figureSchema),
  scale: z.array(scaleRunSchema).nullable(),
  /** What could not be measured in this run, and why. */
  gaps: z.array(z.string()),
  /** How each side was set up (what was cached, which database), so a reader can judge fairness. */
  notes: z.array(z.string()),
});

export type RunStatsJson = z.infer<typeof runStatsSchema>;
export type Comparison = z.infer<typeof comparisonSchema>;
export type Figure = z.infer<typeof figureSchema>;
export type ScalePoint = z.infer<typeof scalePointSchema>;
export type ScaleRun = z.infer<typeof scaleRunSchema>;
export type BenchResults = z.infer<typeof resultsSchema>;
