// Child-process harness: writes one version of 4 × 15 MiB (just under the 64 MiB unpacked cap) into
// an in-memory PGlite and prints, as JSON, the write's time and how far it raised the peak RSS.
import { normalizeFile } from '../../src/normalize/index.ts';
import { loadBlobs } from '../../src/store/blobs.ts';
import { openDatabase } from '../../src/store/database.ts';
import { ensurePackage } from '../../src/store/packages.ts';
import { writeVersion } from '../../src/store/write-version.ts';

const MiB = 1024 * 1024;
const peak = () => process.resourceUsage().maxRSS * 1024;
const database = await openDatabase({ inMemory: true });
const pkg = await ensurePackage(database.db, { name: 'large-version' });
const files = Array.from({ length: 4 }, (_, i) => normalizeFile({ path: `assets/big-${i}.bin`, bytes: new Uint8Array(Buffer.alloc(15 * MiB, `chunk ${i} `)) }, { docsRoot: null }));
const before = peak();
const started = performance.now();
const result = await writeVersion(database.db, { packageId: pkg.id, version: '1.0.0', publishedAt: null, integrity: null, deprecated: null, docsRoot: null, files });
const ms = performance.now() - started;
const grewBytes = peak() - before;
const stored = await loadBlobs(database.db, [files[3]!.sha256]);
const intact = Buffer.compare(Buffer.from(stored.get(files[3]!.sha256)!.content), Buffer.from(files[3]!.bytes)) === 0;
await database.close();
process.stdout.write(`${JSON.stringify({ ms, grewBytes, filesWritten: result.filesWritten, intact })}\n`);
