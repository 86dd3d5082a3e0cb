// The one place the browser tests get a Chromium. Nothing is installed by hand: the default is the
// headless Chromium that the @sparticuz/chromium dev dependency ships inside its npm tarball
// (Brotli-compressed, unpacked once per version into a cache folder). CHROMIUM_PATH, when set, wins
// (a developer's own build); Debian's /usr/bin/chromium is the fallback should the packaged one fail
// to unpack. There is no skip: without a browser the tests fail, saying which paths were tried.
import { constants as fsConstants } from 'node:fs';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type LaunchOptions } from 'playwright-core';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

// Quiet, deterministic, and able to run as root in a container (no user namespace for a sandbox).
const ARGS = [
  '--no-sandbox',
  '--no-zygote',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--font-render-hinting=none',
];

export interface ChromiumChoice {
  executablePath: string;
  /** Where the executable came from, for the failure message of a test that cannot launch it. */
  source: 'CHROMIUM_PATH' | '@sparticuz/chromium' | 'debian';
}

/** Whether the file is there (and, asked for X_OK, executable by us). */
async function accessible(file: string, mode = fsConstants.F_OK): Promise<boolean> {
  return fs.access(file, mode).then(
    () => true,
    () => false,
  );
}

const isExecutable = (file: string) => accessible(file, fsConstants.X_OK);

/** The installed package's version, read from its package.json (which its `exports` do not expose). */
async function packagedVersion(): Promise<string> {
  const require = createRequire(import.meta.url);
  let folder = path.dirname(require.resolve('@sparticuz/chromium'));
  while (path.basename(folder) !== 'chromium' || path.basename(path.dirname(folder)) !== '@sparticuz') {
    const parent = path.dirname(folder);
    if (parent === folder) throw new Error('cannot find the @sparticuz/chromium package folder');
    folder = parent;
  }
  const manifest = JSON.parse(await fs.readFile(path.join(folder, 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

/**
 * Unpacks the npm-shipped Chromium into `<tmp>/docdelta-chromium-<version>/` and returns its path.
 * The package unpacks into `os.tmpdir()` and reuses whatever `chromium` it finds there, whatever
 * its version; so it is pointed at a private staging folder, which is renamed into place whole.
 * Two test workers unpacking at once both succeed: the loser of the rename uses the winner's copy.
 */
async function unpackPackagedChromium(): Promise<string> {
  const version = await packagedVersion();
  const home = path.join(os.tmpdir(), `docdelta-chromium-${version}`);
  const binary = path.join(home, 'chromium');
  if (await accessible(path.join(home, 'ready'))) return binary;

  const staging = await fs.mkdtemp(`${home}.staging-`);
  const previousTmp = process.env.TMPDIR;
  let unpacked: string;
  try {
    const { default: Packaged } = await import('@sparticuz/chromium');
    process.env.TMPDIR = staging;
    // executablePath() reads os.tmpdir() synchronously before its first await, so restoring TMPDIR
    // right after the call cannot send its output anywhere else.
    const pending = Packaged.executablePath();
    restoreTmp(previousTmp);
    unpacked = await pending;
  } catch (error) {
    restoreTmp(previousTmp);
    await fs.rm(staging, { recursive: true, force: true });
    throw error;
  }
  if (path.dirname(unpacked) !== staging) throw new Error(`@sparticuz/chromium unpacked to ${unpacked}, not into ${staging}`);
  await fs.writeFile(path.join(staging, 'ready'), `${version}\n`);
  try {
    await fs.rename(staging, home);
  } catch (error) {
    await fs.rm(staging, { recursive: true, force: true });
    if (!(await accessible(path.join(home, 'ready')))) throw error;
  }
  return binary;
}

function restoreTmp(previous: string | undefined): void {
  if (previous === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = previous;
}

/** Which Chromium the tests will drive; throws (never skips) when there is none. */
export async function chooseChromium(env: NodeJS.ProcessEnv = process.env): Promise<ChromiumChoice> {
  const explicit = env.CHROMIUM_PATH?.trim();
  if (explicit) {
    if (!(await isExecutable(explicit))) throw new Error(`CHROMIUM_PATH=${explicit} is not an executable file`);
    return { executablePath: explicit, source: 'CHROMIUM_PATH' };
  }
  let packagedError: unknown;
  try {
    return { executablePath: await unpackPackagedChromium(), source: '@sparticuz/chromium' };
  } catch (error) {
    packagedError = error;
  }
  if (await isExecutable(DEBIAN_CHROMIUM)) return { executablePath: DEBIAN_CHROMIUM, source: 'debian' };
  throw new Error(
    `No Chromium for the browser tests: @sparticuz/chromium could not be unpacked (${String(packagedError)}) ` +
      `and ${DEBIAN_CHROMIUM} is absent. Run npm install, or set CHROMIUM_PATH.`,
    { cause: packagedError },
  );
}

/** Launches the chosen Chromium headless with the test flags. */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const choice = await chooseChromium();
  try {
    return await chromium.launch({ headless: true, ...options, executablePath: choice.executablePath, args: [...ARGS, ...(options.args ?? [])] });
  } catch (error) {
    throw new Error(`Chromium from ${choice.source} (${choice.executablePath}) did not start: ${String(error)}`, { cause: error });
  }
}
