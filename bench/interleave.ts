// Runs the sides of a comparison in turns, so slow phases of a shared, noisy machine hit every side
// alike; the side that goes first rotates from one round to the next, so none always runs on a
// warmer (or colder) cache.
import { performance } from 'node:perf_hooks';

export interface TimedSide {
  /** Untimed setup before each run (emptying a database, dropping a cached diff). */
  prepare?: () => Promise<void>;
  run: () => Promise<unknown>;
  /** Untimed work after each run that must not fall into the next side's time (a cache write the answer did not wait for). */
  settle?: () => Promise<void>;
}

export interface InterleaveOptions {
  repetitions: number;
  /** Untimed rounds first (JIT, file cache). */
  warmup?: number;
}

export async function timeOnce(side: TimedSide): Promise<number> {
  await side.prepare?.();
  const started = performance.now();
  await side.run();
  const elapsed = performance.now() - started;
  await side.settle?.();
  return elapsed;
}

/** The order of the sides in round `round`: a rotation, so each side leads equally often. */
export function roundOrder<K>(keys: readonly K[], round: number): K[] {
  if (keys.length === 0) return [];
  const shift = round % keys.length;
  return [...keys.slice(shift), ...keys.slice(0, shift)];
}

export async function interleave<K extends string>(sides: Record<K, TimedSide>, options: InterleaveOptions): Promise<Record<K, number[]>> {
  if (!Number.isInteger(options.repetitions) || options.repetitions < 1) throw new Error('repetitions must be a whole number ≥ 1');
  const keys = Object.keys(sides) as K[];
  for (let round = 0; round < (options.warmup ?? 0); round += 1) {
    for (const key of keys) await timeOnce(sides[key]);
  }
  const samples = Object.fromEntries(keys.map((key) => [key, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < options.repetitions; round += 1) {
    for (const key of roundOrder(keys, round)) samples[key].push(await timeOnce(sides[key]));
  }
  return samples;
}

/** Times one side alone (figures with nothing to compare against). */
export async function repeat(side: TimedSide, repetitions: number, warmup = 0): Promise<number[]> {
  const { only } = await interleave({ only: side }, { repetitions, warmup });
  return only;
}
