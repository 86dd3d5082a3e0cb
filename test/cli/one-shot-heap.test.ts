// `docdelta sync` keeps V8's young generation at its initial size, and `docdelta diff` collects the
// garbage of the versions it fetched (src/cli/one-shot-heap.ts). Both rest on V8 flags changed after
// start-up, so this checks in real processes that they still take effect on this node.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const MiB = 1024 * 1024;

interface Sizes {
  before: number;
  after: number;
}

function runChild<T = Sizes>(mode: 'small' | 'default' | 'collect'): Promise<T> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', path.join(here, 'one-shot-heap-child.ts'), mode], { timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`child failed: ${error.message}\n${stderr}`));
      resolve(JSON.parse(stdout.trim()) as T);
    });
  });
}

describe('keepYoungGenerationSmall', () => {
  it('stops the young generation from growing under churn that grows it by default', async () => {
    const [grown, kept] = await Promise.all([runChild('default'), runChild('small')]);
    expect(grown.after).toBeGreaterThanOrEqual(4 * grown.before);
    expect(grown.after).toBeGreaterThanOrEqual(16 * MiB);
    // Loading the modules may have grown it a step before the call; from the call on it stays.
    expect(kept.after).toBe(kept.before);
  });
});

describe('collectGarbageNow', () => {
  it('frees old-generation garbage at once, without a global gc', async () => {
    const heap = await runChild<{ withGarbage: number; after: number; gcGlobal: string }>('collect');
    expect(heap.withGarbage - heap.after).toBeGreaterThan(30 * MiB);
    expect(heap.gcGlobal).toBe('undefined');
  });
});
