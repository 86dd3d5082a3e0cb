// Run by young-generation.test.ts: churns through short-lived objects while keeping a few, as an
// ingest does, and prints the young generation's size (new space) in bytes before and after.
import v8 from 'node:v8';
import { keepYoungGenerationSmall } from '../../src/cli/young-generation.ts';

const newSpaceBytes = () => v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')!.space_size;
if (process.argv[2] === 'small') keepYoungGenerationSmall();
const before = newSpaceBytes();
const kept: unknown[] = [];
for (let i = 0; i < 3_000_000; i += 1) {
  const garbage = { index: i, text: `line ${i}`, pair: [i, i + 1] };
  if (i % 50 === 0) kept.push(garbage);
}
process.stdout.write(`${JSON.stringify({ before, after: newSpaceBytes(), kept: kept.length })}\n`);
