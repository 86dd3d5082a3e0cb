import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';

describe('loadConfig', () => {
  it('gives working defaults with no environment at all', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config).toMatchObject({
      databaseUrl: undefined,
      dataDir: path.resolve('/srv/app', '.data'),
      packages: ['@workos/mcp-docs-server'],
      syncCron: '*/15 * * * *',
      port: 3000,
      host: '127.0.0.1',
      publicBaseUrl: 'http://localhost:3000',
    });
    expect(config.npmRegistry).toMatch(/^https?:\/\/.+\/$/);
    expect(config.downloadTimeoutMs).toBe(60_000);
  });

  it('names the variable when a value is bad', () => {
    expect(() => loadConfig({ PORT: '99999' })).toThrow(/PORT/);
    expect(() => loadConfig({ SYNC_CRON: 'every minute' })).toThrow(/SYNC_CRON: not a valid cron expression/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ DOCDELTA_PACKAGES: 'ok-name,../../etc' })).toThrow(/DOCDELTA_PACKAGES/);
    expect(() => loadConfig({ SLACK_WEBHOOK_URL: 'javascript:alert(1)' })).toThrow(/SLACK_WEBHOOK_URL/);
    expect(() => loadConfig({ API_TOKEN: 'short' })).toThrow(/API_TOKEN/);
    expect(() => loadConfig({ DIGEST_TIMEZONE: 'Mars/Olympus' })).toThrow(/DIGEST_TIMEZONE/);
    expect(() => loadConfig({ NPM_DOWNLOAD_TIMEOUT_MS: 'soon' })).toThrow(/NPM_DOWNLOAD_TIMEOUT_MS/);
  });

  it('uses the registry npm is configured with unless NPM_REGISTRY overrides it', () => {
    expect(loadConfig({ npm_config_registry: 'https://npm.example.com' }, os.tmpdir()).npmRegistry).toBe('https://npm.example.com/');
    expect(loadConfig({ npm_config_registry: 'https://npm.example.com', NPM_REGISTRY: 'http://127.0.0.1:4873' }).npmRegistry).toBe('http://127.0.0.1:4873/');
  });

  it('treats empty variables as unset and splits the package list', () => {
    expect(loadConfig({ DATABASE_URL: '', DOCDELTA_PACKAGES: 'a, @b/c ,' }).packages).toEqual(['a', '@b/c']);
  });
});
