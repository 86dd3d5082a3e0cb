// Configuration is read from the environment once, validated with zod, and passed down explicitly.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import cron from 'node-cron';
import { z } from 'zod';
import { poolerRefusal, poolingModeFromUrl } from './pooled-connection.ts';
import validatePackageName from './source/package-name.ts';

const DEFAULT_REGISTRY = 'https://registry.npmjs.org/';

const cronExpression = z.string().trim().refine((value) => cron.validate(value), 'not a valid cron expression');

const httpUrl = z
  .string()
  .trim()
  .url()
  .refine((value) => /^https?:\/\//i.test(value), 'must be an http(s) URL');

const schema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .refine((value) => /^(postgres(ql)?:\/\/|pglite:)/i.test(value), 'must start with postgres:// or postgresql:// (or be pglite: or pglite:FOLDER for the WASM database)')
    .superRefine((value, issue) => {
      const declared = poolingModeFromUrl(value);
      if (declared) issue.addIssue({ code: 'custom', message: poolerRefusal(`it declares ${declared}`) });
    })
    .optional(),
  DOCDELTA_DATA_DIR: z.string().trim().min(1).default('.data'),
  DOCDELTA_SNAPSHOTS_DIR: z.string().trim().min(1).default('snapshots'),
  DOCDELTA_PACKAGES: z
    .string()
    .default('@workos/mcp-docs-server')
    .transform((value) => value.split(',').map((name) => name.trim()).filter(Boolean))
    .refine((names) => names.every((name) => validatePackageName(name)), 'each entry must be a valid npm package name'),
  SYNC_CRON: cronExpression.default('*/15 * * * *'),
  DIGEST_CRON: cronExpression.default('0 9 * * 1-5'),
  DIGEST_TIMEZONE: z
    .string()
    .trim()
    .default('UTC')
    .refine((zone) => isKnownTimeZone(zone), 'not a known IANA time zone'),
  SLACK_WEBHOOK_URL: httpUrl.optional(),
  PUBLIC_BASE_URL: httpUrl.optional(),
  API_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  NPM_REGISTRY: httpUrl.optional(),
  NPM_DOWNLOAD_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
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
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

function isKnownTimeZone(zone: string): boolean {
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
  };
}
