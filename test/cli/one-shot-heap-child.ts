// Run by one-shot-heap.test.ts: `young` churns through short-lived objects while keeping a few, as an
// ingest does, and prints the young generation's size (new space) in bytes before and after.
import v8 from 'node:v8';
import { collectGarbageNow, keepYoungGenerationSmall } from '../../src/cli/one-shot-heap.ts';

const newSpaceBytes = () => v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')!.space_size;
// `collect`: drops ~40 MB of old-generation garbage and reports the heap in use around collectGarbageNow.
if (process.argv[2] === 'collect') {
  let held: number[][] | null = Array.from({ length: 400 }, (_, i) => Array.from({ length: 12_500 }, (__, j) => i + j + 0.5));
  const withGarbage = v8.getHeapStatistics().used_heap_size;
  held = null;
  collectGarbageNow();
  process.stdout.write(`${JSON.stringify({ withGarbage, after: v8.getHeapStatistics().used_heap_size, gcGlobal: typeof (globalThis as { gc?: unknown }).gc, held })}\n`);
  process.exit(0);
}
if (process.argv[2] === 'small') keepYoungGenerationSmall();
const before = newSpaceBytes();
const kept: unknown[] = [];
for (let i = 0; i < 3_000_000; i += 1) {
  const garbage = { index: i, text: `line ${i}`, pair: [i, i + 1] };
  if (i % 50 === 0) kept.push(garbage);
}
process.stdout.write(`${JSON.stringify({ before, after: newSpaceBytes(), kept: kept.length })}\n`);
