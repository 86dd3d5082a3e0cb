// The /mcp guard settings that follow from the configuration: which Host and Origin headers name
// this server, and whether a bearer token is needed (yes, whenever HOST is not a loopback address).
import type { Config } from '../../config.ts';
import type { MountMcpOptions } from './mount.ts';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** URL-style host: IPv6 addresses in brackets. */
function urlHost(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host.toLowerCase();
}

export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare);
}

const isWildcard = (host: string) => ['0.0.0.0', '::', '[::]', ''].includes(host.trim());

/** `bind` is where serve really listens when `--host`/`--port` override the configuration. */
export function mcpHttpOptionsFor(config: Config, bind: { host?: string; port?: number } = {}): MountMcpOptions {
  const host = bind.host ?? config.host;
  const port = bind.port ?? config.port;
  const hosts = new Set(LOOPBACK_NAMES);
  const origins = new Set(LOOPBACK_NAMES.map((name) => `http://${name}:${port}`));
  if (!isWildcard(host)) {
    hosts.add(urlHost(host));
    origins.add(`http://${urlHost(host)}:${port}`);
  }
  const publicUrl = new URL(config.publicBaseUrl);
  hosts.add(publicUrl.hostname.toLowerCase());
  origins.add(publicUrl.origin);
  return {
    allowedHosts: [...hosts],
    allowedOrigins: [...origins],
    apiToken: config.apiToken,
    requireToken: !isLoopbackHost(host),
  };
}
