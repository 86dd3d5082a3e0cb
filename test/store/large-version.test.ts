// A version at the size caps must store in bounded time and memory: issue 16 saw a 465 MiB version
// peak at 6 GB RSS on PGlite, because bytea parameters were sent as hex built in JavaScript, all
// contents in one statement. Measured in a child process so the peak is the write's own.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('writing a version at the size caps', () => {
  it('stores 4 × 15 MiB on PGlite in seconds, raising the peak RSS by under 300 MB, bytes intact', async () => {
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', path.join(here, 'write-large-in-child.ts')],
        { cwd: path.resolve(here, '../..'), timeout: 120_000, maxBuffer: 1024 * 1024 },
        (error, out, stderr) => (error ? reject(new Error(`child failed: ${error.message}\n${stderr}`)) : resolve(out)),
      );
    });
    const result = JSON.parse(stdout.trim().split('\n').pop()!) as { ms: number; grewBytes: number; filesWritten: number; intact: boolean };
    expect(result).toMatchObject({ filesWritten: 4, intact: true });
    expect(result.ms).toBeLessThan(15_000);
    expect(result.grewBytes).toBeLessThan(300 * 1000 * 1000);
  }, 130_000);
});
