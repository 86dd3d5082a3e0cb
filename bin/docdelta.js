#!/usr/bin/env node
// Runs the compiled dist/ (built by `prepare` at `npm install`) when it is newer than every file in
// src/; otherwise src/ through tsx, so an edit is never shadowed by a stale build (docs/adr/0010).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// `docdelta diff … | head` closes the pipe early: that is the reader being done, not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** dist/ is usable when its stamp is at least as new as the newest source file. */
function distIsFresh() {
  let built;
  try {
    built = fs.statSync(path.join(root, 'dist', '.build-stamp')).mtimeMs;
  } catch {
    return false;
  }
  const pending = [path.join(root, 'src'), path.join(root, 'jobs')];
  while (pending.length > 0) {
    const dir = pending.pop();
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) pending.push(full);
      else if (fs.statSync(full).mtimeMs > built) return false;
    }
  }
  return true;
}

const runtime = process.env.DOCDELTA_RUNTIME ?? (distIsFresh() ? 'dist' : 'tsx');
let cli;
if (runtime === 'dist') {
  cli = await import(pathToFileURL(path.join(root, 'dist', 'src', 'cli.js')).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import(pathToFileURL(path.join(root, 'src', 'cli.ts')).href);
}
process.exitCode = await cli.main(process.argv.slice(2));
