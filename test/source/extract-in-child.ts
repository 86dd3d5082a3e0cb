// Child-process harness for the bomb tests: extracts one tarball file and prints, as JSON, how long
// it took, the process's peak RSS and the outcome. A separate process so the peak is this work's alone.
import fs from 'node:fs';
import { extractTarball } from '../../src/source/tarball.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: extract-in-child.ts FILE.tgz');
const bytes = new Uint8Array(fs.readFileSync(file));
const started = performance.now();
let outcome: { ok: true; files: number } | { ok: false; code: string; message: string };
try {
  const files = await extractTarball(bytes);
  outcome = { ok: true, files: files.length };
} catch (error) {
  const failure = error as { code?: string; message: string };
  outcome = { ok: false, code: failure.code ?? 'none', message: failure.message };
}
const ms = performance.now() - started;
// resourceUsage().maxRSS is in kilobytes.
process.stdout.write(`${JSON.stringify({ ms, peakRssBytes: process.resourceUsage().maxRSS * 1024, ...outcome })}\n`);
