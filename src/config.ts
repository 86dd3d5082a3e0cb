// Configuration is read from the environment once, validated with zod, and passed down explicitly.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
// zod's tree-shakable build: every command reads the configuration first, and the full zod alone
// took ~20 ms of a 0.2 s `docdelta diff`.
import * as z from 'zod/mini';
import { poolerRefusal, poolingModeFromUrl } from './pooled-connection.ts';
import validatePackageName from './source/package-name.ts';

const DEFAULT_REGISTRY = 'https://registry.npmjs.org/';
const DEFAULT_SYNC_CRON = '*/15 * * * *';
const DEFAULT_DIGEST_CRON = '0 9 * * 1-5';

/**
 * node-cron is loaded only to check an expression someone set: the defaults are known to be valid,
 * and loading it costs a command ~12 ms.
 */
function isValidCron(expression: string): boolean {
  if (expression === DEFAULT_SYNC_CRON || expression === DEFAULT_DIGEST_CRON) return true;
  const cron = createRequire(import.meta.url)('node-cron') as { validate(expression: string): boolean };
  return cron.validate(expression);
}

const trimmed = () => z.string().check(z.trim());
const nonEmpty = () => z.string().check(z.trim(), z.minLength(1, 'must not be empty'));
const cronExpression = (fallback: string) => z._default(z.string().check(z.trim(), z.refine(isValidCron, 'not a valid cron expression')), fallback);
const integer = (min: number, max: number, fallback: number) =>
  z.pipe(
    z._default(z.string().check(z.trim(), z.regex(/^\d+$/, 'must be a whole number')), String(fallback)),
    z.pipe(z.transform(Number), z.number().check(z.minimum(min, `must be at least ${min}`), z.maximum(max, `must be at most ${max}`))),
  );

const httpUrl = z.string().check(
  z.trim(),
  z.refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), 'must be an http(s) URL'),
);

const schema = z.object({
  DATABASE_URL: z.optional(
    z.string().check(
      z.trim(),
      z.refine((value) => /^(postgres(ql)?:\/\/|pglite:)/i.test(value), 'must start with postgres:// or postgresql:// (or be pglite: or pglite:FOLDER for the WASM database)'),
      z.superRefine((value, issue) => {
        const declared = poolingModeFromUrl(value);
        if (declared) issue.addIssue({ code: 'custom', message: poolerRefusal(`it declares ${declared}`) });
      }),
    ),
  ),
  DOCDELTA_DATA_DIR: z._default(nonEmpty(), '.data'),
  DOCDELTA_SNAPSHOTS_DIR: z._default(nonEmpty(), 'snapshots'),
  DOCDELTA_PACKAGES: z.pipe(
    z._default(z.string(), '@workos/mcp-docs-server'),
    z.pipe(
      z.transform((value: string) => value.split(',').map((name) => name.trim()).filter(Boolean)),
      z.array(z.string()).check(z.refine((names) => names.every((name) => validatePackageName(name)), 'each entry must be a valid npm package name')),
    ),
  ),
  SYNC_CRON: cronExpression(DEFAULT_SYNC_CRON),
  DIGEST_CRON: cronExpression(DEFAULT_DIGEST_CRON),
  DIGEST_TIMEZONE: z._default(trimmed().check(z.refine(isKnownTimeZone, 'not a known IANA time zone')), 'UTC'),
  SLACK_WEBHOOK_URL: z.optional(httpUrl),
  PUBLIC_BASE_URL: z.optional(httpUrl),
  API_TOKEN: z.optional(z.string().check(z.minLength(16, 'must be at least 16 characters'))),
  PORT: integer(0, 65535, 3000),
  HOST: z._default(nonEmpty(), '127.0.0.1'),
  NPM_REGISTRY: z.optional(httpUrl),
  NPM_DOWNLOAD_TIMEOUT_MS: integer(100, 3_600_000, 60_000),
  DOCDELTA_SERVER_IDLE_SECONDS: integer(0, 86_400, 300),
});

export interface Config {
  databaseUrl: string | undefined;
  dataDir: string;
  snapshotsDir: string;
  packages: string[];
  syncCron: string;
  digestCron: string;
  digestTimezone: string;
  slackWebhookUrl: string | undefined;
  publicBaseUrl: string;
  /** True when PUBLIC_BASE_URL is unset and publicBaseUrl follows the listening port. */
  publicBaseUrlFromPort: boolean;
  apiToken: string | undefined;
  port: number;
  host: string;
  npmRegistry: string;
  /** Deadline for one registry download (packument, or a version's tarball with its retry), headers and body. */
  downloadTimeoutMs: number;
  /** The embedded database server stays up this long after its last client leaves (0: stops with it). */
  serverIdleSeconds: number;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

function isKnownTimeZone(zone: string): boolean {
  // Asking Intl about any zone first loads its time-zone data (~11 ms); UTC needs no asking.
  if (zone === 'UTC') return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The registry npm itself would use: npm's own variable, then .npmrc files, then the public one. */
function npmConfiguredRegistry(env: NodeJS.ProcessEnv, cwd: string): string {
  const fromNpm = env.npm_config_registry ?? env.NPM_CONFIG_REGISTRY;
  if (fromNpm) return fromNpm;
  for (const file of [path.join(cwd, '.npmrc'), path.join(os.homedir(), '.npmrc')]) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const match = /^\s*registry\s*=\s*(\S+)\s*$/m.exec(text);
    if (match?.[1]) return match[1];
  }
  return DEFAULT_REGISTRY;
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

const defaultBaseUrl = (port: number) => `http://localhost:${port}`;

/**
 * The configuration of a server listening on `port` (`serve --port N` overrides PORT): without
 * PUBLIC_BASE_URL, feed self-links, digest links and the /mcp Origin allowlist follow the port.
 */
export function configForPort(config: Config, port: number): Config {
  if (port === config.port) return config;
  // Port 0 (any free port) is known only once listening: links keep the configured default.
  const follow = config.publicBaseUrlFromPort && port !== 0;
  return { ...config, port, publicBaseUrl: follow ? defaultBaseUrl(port) : config.publicBaseUrl };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Config {
  const blankAsUnset = Object.fromEntries(
    Object.keys(schema.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]),
  );
  const parsed = schema.safeParse(blankAsUnset);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    // One problem reads on one line; several are listed one per line.
    throw new ConfigError(lines.length === 1 ? `invalid configuration: ${lines[0]}` : `invalid configuration:\n${lines.map((line) => `  ${line}`).join('\n')}`);
  }
  const value = parsed.data;
  return {
    databaseUrl: value.DATABASE_URL,
    dataDir: path.resolve(cwd, value.DOCDELTA_DATA_DIR),
    snapshotsDir: path.resolve(cwd, value.DOCDELTA_SNAPSHOTS_DIR),
    packages: value.DOCDELTA_PACKAGES,
    syncCron: value.SYNC_CRON,
    digestCron: value.DIGEST_CRON,
    digestTimezone: value.DIGEST_TIMEZONE,
    slackWebhookUrl: value.SLACK_WEBHOOK_URL,
    publicBaseUrl: (value.PUBLIC_BASE_URL ?? defaultBaseUrl(value.PORT)).replace(/\/+$/, ''),
    publicBaseUrlFromPort: value.PUBLIC_BASE_URL === undefined,
    apiToken: value.API_TOKEN,
    port: value.PORT,
    host: value.HOST,
    npmRegistry: withTrailingSlash(value.NPM_REGISTRY ?? npmConfiguredRegistry(env, cwd)),
    downloadTimeoutMs: value.NPM_DOWNLOAD_TIMEOUT_MS,
    serverIdleSeconds: value.DOCDELTA_SERVER_IDLE_SECONDS,
  };
}
