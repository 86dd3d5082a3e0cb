// Links into the web viewer that src/api/web-urls.ts does not provide yet: a package's page, for the
// first version of a package (nothing to compare it with). Same encoding as diffPageUrl.
const segment = (text: string) => encodeURIComponent(text).replace(/%40/g, '@');

/** `${base}/p/@scope/name` */
export function packagePageUrl(baseUrl: string, packageName: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/p/${packageName.split('/').map(segment).join('/')}`;
}
