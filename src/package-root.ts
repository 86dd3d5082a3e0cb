// Where docdelta's own files are (migrations/, src/web/, the diff worker), whether this code runs
// from src/ through tsx or bundled into dist/ — where the file a function lands in is the bundler's
// choice, so nothing may be found relative to its own module.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'docdelta') return dir;
    if (path.dirname(dir) === dir) throw new Error(`docdelta's package.json not found above ${start}`);
  }
}

const here = fileURLToPath(import.meta.url);

const PACKAGE_ROOT = findPackageRoot(path.dirname(here));

/** True when running the bundle bin/build.js wrote into dist/, false when running src/ through tsx. */
export const RUNNING_COMPILED = !here.endsWith('.ts');

export function fromPackageRoot(...segments: string[]): string {
  return path.join(PACKAGE_ROOT, ...segments);
}
