#!/usr/bin/env node
// `npm run build`, and `prepare` at `npm install`: compiles src/ and jobs/ to dist/ so every start runs
// plain JavaScript (docs/adr/0010). Types are checked by `npm run typecheck`, not here: a type error
// must not make an install fail. dist/.build-stamp is written last, with the time the build began,
// so bin/docdelta.js can tell whether any source file changed since.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const stamp = path.join(dist, '.build-stamp');

// npm links a package's own `bin` only into its dependents, never into itself, so `npx docdelta` in
// this checkout would otherwise install a second copy from the folder (35 s) before it runs.
linkOwnBin();

let tsc;
try {
  tsc = createRequire(path.join(root, 'package.json')).resolve('typescript/bin/tsc');
} catch {
  process.stderr.write('docdelta: TypeScript is not installed (a production install?); docdelta will run src/ through tsx\n');
  process.exit(0);
}

const began = new Date();
fs.rmSync(stamp, { force: true });
const result = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json'), '--noCheck'], { stdio: 'inherit' });
if (result.status !== 0) {
  process.stderr.write('docdelta: the build failed; docdelta will run src/ through tsx until `npm run build` succeeds\n');
  process.exit(process.env.npm_lifecycle_event === 'prepare' ? 0 : 1);
}
// The web page's browser modules are served as they are, from next to the compiled server code.
fs.rmSync(path.join(dist, 'src', 'web'), { recursive: true, force: true });
fs.cpSync(path.join(root, 'src', 'web'), path.join(dist, 'src', 'web'), { recursive: true });
fs.writeFileSync(stamp, `${began.toISOString()}\n`);
fs.utimesSync(stamp, began, began);

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
