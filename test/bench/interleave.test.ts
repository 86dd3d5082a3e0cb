import { describe, expect, it } from 'vitest';
import { interleave, roundOrder } from '../../bench/interleave.ts';

describe('interleaved runs', () => {
  it('rotates which side goes first from round to round', () => {
    expect(roundOrder(['a', 'b', 'c'], 0)).toEqual(['a', 'b', 'c']);
    expect(roundOrder(['a', 'b', 'c'], 1)).toEqual(['b', 'c', 'a']);
    expect(roundOrder(['a', 'b', 'c'], 3)).toEqual(['a', 'b', 'c']);
  });

  it('runs the sides in turns, each prepared before its own run, and times only the runs', async () => {
    const events: string[] = [];
    const side = (name: string) => ({
      prepare: async () => {
        events.push(`prepare ${name}`);
        await new Promise((resolve) => setTimeout(resolve, 120));
      },
      run: async () => {
        events.push(`run ${name}`);
      },
    });
    const samples = await interleave({ ours: side('ours'), theirs: side('theirs') }, { repetitions: 2, warmup: 1 });
    expect(events).toEqual([
      'prepare ours', 'run ours', 'prepare theirs', 'run theirs',
      'prepare ours', 'run ours', 'prepare theirs', 'run theirs',
      'prepare theirs', 'run theirs', 'prepare ours', 'run ours',
    ]);
    expect(samples.ours).toHaveLength(2);
    expect(samples.theirs).toHaveLength(2);
    // The 120 ms of each prepare is not in the timing.
    for (const ms of [...samples.ours, ...samples.theirs]) expect(ms).toBeLessThan(100);
  });

  it('refuses zero repetitions', async () => {
    await expect(interleave({ a: { run: async () => {} } }, { repetitions: 0 })).rejects.toThrow(/repetitions/);
  });
});
