// Command-line options of `npm run bench`, and how many times each kind of measurement is repeated.
import { parseArgs } from 'node:util';

export type Mode = 'full' | 'quick';

/** heavy: seconds per run (npm diff, a cold sync); medium: about a second; light: milliseconds. */
export type Weight = 'heavy' | 'medium' | 'light';

const REPETITIONS: Record<Mode, Record<Weight, number>> = {
  full: { heavy: 3, medium: 5, light: 20 },
  // "Every comparison once": one timed run of each side, a few for the millisecond figures.
  quick: { heavy: 1, medium: 1, light: 5 },
};

export interface BenchOptions {
  mode: Mode;
  /** Only these scenarios (by name); all when empty. */
  only: string[];
  /**
   * Folder results.json and results.md are written to: bench/ for a whole full run (the committed
   * results); quick or partial runs go under bench/tmp/ so they never replace them.
   */
  outDir: string;
}

export function parseBenchOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      out: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const only = (values.only ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const mode: Mode = values.quick ? 'quick' : 'full';
  const defaultOut = mode === 'quick' ? 'bench/tmp/quick' : only.length > 0 ? 'bench/tmp/partial' : 'bench';
  return { mode, only, outDir: values.out ?? defaultOut };
}

export function repetitions(mode: Mode, weight: Weight): number {
  return REPETITIONS[mode][weight];
}

/** Untimed rounds before timing in-process work (JIT); the quick run spends its time on timed runs only. */
export function warmupRounds(mode: Mode): number {
  return mode === 'quick' ? 0 : 1;
}
