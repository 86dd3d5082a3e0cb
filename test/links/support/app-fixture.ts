// An outside app, help centre and site in one folder, with links into the docs written every way they
// are written in the wild — and the traps a scanner must not fall into (node_modules, .git, symlinks
// leading out, oversized files, files of other types).
import fs from 'node:fs/promises';
import path from 'node:path';
import { tempDir } from '../../support/context.ts';

export const APP_BASE_URL = 'https://docs.example.com/docs';

export interface AppFixture {
  dir: string;
  outside: string;
}

async function write(root: string, file: string, text: string | Buffer): Promise<void> {
  await fs.mkdir(path.dirname(path.join(root, file)), { recursive: true });
  await fs.writeFile(path.join(root, file), text);
}

export async function createAppFixture(): Promise<AppFixture> {
  const dir = await tempDir('docdelta-app-');
  const outside = await tempDir('docdelta-outside-');
  await write(outside, 'secret.md', '[leak](/docs/user-management/users)\n');
  await write(outside, 'folder/inner.ts', "const leak = '/docs/user-management/users';\n");

  await write(dir, 'src/app.tsx', [
    'export function Help() {',
    `  return <a href="${APP_BASE_URL}/user-management/users#create-a-user">Users</a>;`,
    '}',
    "const sessions = '/docs/user-management/sessions';",
    "fetch('/api/users');",
  ].join('\n'));
  await write(dir, 'help/faq.md', [
    '# FAQ',
    '',
    'Turn on [MFA](/docs/user-management/mfa) or read about [SSO](https://docs.example.com/docs/sso#setup).',
    'Nothing at [this page](/docs/nowhere).',
  ].join('\n'));
  await write(dir, 'public/index.html', '<p>\n  <a href="/docs/glossary/acs-url">ACS URL</a>\n</p>\n');
  await write(dir, 'config/links.json', JSON.stringify({ docs: `${APP_BASE_URL}/user-management` }, null, 2));
  await write(dir, 'content/nav.yaml', 'items:\n  - title: Orgs\n    url: /docs/user-management/organizations\n');
  await write(dir, 'lib/legacy.js', "module.exports = { old: '/docs/legacy/old-api', site: 'https://other.example.com/docs/user-management' };\n");

  await write(dir, 'node_modules/some-lib/index.js', "'/docs/user-management/users'\n");
  await write(dir, '.git/hooks/readme.md', '[x](/docs/user-management/users)\n');
  await write(dir, 'notes.txt', '/docs/user-management/users\n');
  await write(dir, 'image.png', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.from('/docs/user-management/users')]));
  await write(dir, 'data/big.json', `"${'/docs/user-management/users '.repeat(100_000)}"`);
  await fs.symlink(path.join(outside, 'secret.md'), path.join(dir, 'linked.md'));
  await fs.symlink(path.join(outside, 'folder'), path.join(dir, 'linked-folder'));
  return { dir, outside };
}

/** A folder whose only docs links still work in 2.0.0 of the standard fixture. */
export async function createCleanAppFixture(): Promise<string> {
  const dir = await tempDir('docdelta-clean-app-');
  await write(dir, 'README.md', '[SSO](/docs/sso) and [users](/docs/authkit/users).\n');
  return dir;
}
