export { packages } from './packages.ts';
export { versions, ingestFailures } from './versions.ts';
export { blobs, docMeta } from './blobs.ts';
export { versionFiles } from './version-files.ts';
export { diffCache } from './diff-cache.ts';
export { jobRuns, digestDeliveries } from './jobs.ts';
