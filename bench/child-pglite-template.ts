// Child: creates a migrated, empty PGlite data folder — what a user's very first `docdelta` run does —
// and reports what that first open costs in time and memory.
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/store/database.ts';
import { emitChildResult, peakRssMb } from './child-process.ts';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: child-pglite-template.ts DATA_DIR');
const started = performance.now();
const database = await openDatabase({ url: `pglite:${dataDir}` });
const firstOpenMs = performance.now() - started;
const firstOpenRssMb = peakRssMb();
await database.close();

const again = performance.now();
const reopened = await openDatabase({ url: `pglite:${dataDir}` });
const reopenMs = performance.now() - again;
await reopened.close();
emitChildResult({ firstOpenMs, firstOpenRssMb, reopenMs });
