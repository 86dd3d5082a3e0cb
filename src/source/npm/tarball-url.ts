// A packument is untrusted: its tarball URL may point anywhere. Only the registry's own origin is fetched.
import { invalidInput } from '../../errors.ts';

export function checkTarballUrl(tarball: string, registry: string): URL {
  let url: URL;
  try {
    url = new URL(tarball);
  } catch {
    throw invalidInput(`the registry gave a tarball URL that is not a URL: ${JSON.stringify(tarball.slice(0, 200))}`);
  }
  const allowed = new URL(registry);
  if (url.protocol !== allowed.protocol || url.host !== allowed.host) {
    throw invalidInput(`refusing to fetch a tarball from ${url.protocol}//${url.host}: only ${allowed.protocol}//${allowed.host} (the configured registry) is trusted`);
  }
  if (url.username || url.password) throw invalidInput('refusing a tarball URL that carries credentials');
  return url;
}
