// `docdelta sync` keeps V8's young generation at its initial size (src/cli/young-generation.ts). The
// setting is a V8 flag changed after start-up, so this checks in real processes that it still takes
// effect on this node: the same churn grows the young generation without it and not with it.
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

function newSpaceAroundChurn(mode: 'small' | 'default'): Promise<Sizes> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', path.join(here, 'young-generation-child.ts'), mode], { timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`child failed: ${error.message}\n${stderr}`));
      resolve(JSON.parse(stdout.trim()) as Sizes);
    });
  });
}

describe('keepYoungGenerationSmall', () => {
  it('stops the young generation from growing under churn that grows it by default', async () => {
    const [grown, kept] = await Promise.all([newSpaceAroundChurn('default'), newSpaceAroundChurn('small')]);
    expect(grown.after).toBeGreaterThanOrEqual(4 * grown.before);
    expect(grown.after).toBeGreaterThanOrEqual(16 * MiB);
    // Loading the modules may have grown it a step before the call; from the call on it stays.
    expect(kept.after).toBe(kept.before);
  });
});
