// npm's naming rules, enough to refuse anything that could escape a URL path or a folder.
const NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;

export default function validatePackageName(name: string): boolean {
  return name.length > 0 && name.length <= 214 && NAME.test(name);
}
