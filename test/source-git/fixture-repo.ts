// A docs repository the tests build with simple-git: a tag before the docs existed, v1.0.0,
// v1.1.0 (annotated), v2.0.0 (the user-management folder renamed to authkit, a binary image
// changed), a tag that is not semver (docs-preview), files outside the docs folder, a symbolic link,
// and a tag whose name git would read as an option. Commit and tag dates are fixed.
import fs from 'node:fs/promises';
import path from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';
import { tempDir } from '../support/context.ts';

const page = (title: string, body: string) => `---\ntitle: ${title}\ndescription: ${title} description\n---\n\n# ${title}\n\n${body}\n`;
const lorem = (topic: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${topic} paragraph ${i + 1} explains one detail of ${topic.toLowerCase()} for readers.`).join('\n\n');

/** A small PNG-like file: the signature and NUL bytes make it binary for git and for docdelta. */
export function binaryImage(seed: number): Uint8Array {
  const bytes = new Uint8Array(96);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 0);
  for (let i = 8; i < bytes.length; i++) bytes[i] = (i * 31 + seed * 7) % 256;
  bytes[20] = 0;
  return bytes;
}

export const TAG_DATES: Record<string, string> = {
  'v0.9.0': '2024-12-01T10:00:00Z',
  'v1.0.0': '2025-01-01T10:00:00Z',
  'v1.1.0': '2025-02-01T10:00:00Z',
  'v2.0.0': '2025-03-01T10:00:00Z',
  'docs-preview': '2025-03-15T10:00:00Z',
};

export interface FixtureRepo {
  dir: string;
  git: SimpleGit;
  /** Commits the files (null deletes) at a date and tags the commit. */
  commitAndTag(files: Record<string, string | Uint8Array | null>, tag: string, date: string, annotated?: boolean): Promise<void>;
  dispose(): Promise<void>;
}

/** Only what git needs: simple-git refuses EDITOR, GIT_CONFIG_GLOBAL & co., and signing is turned off in the repo. */
function fixtureEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', GIT_CONFIG_NOSYSTEM: '1', ...extra };
}

async function writeFiles(dir: string, files: Record<string, string | Uint8Array | null>): Promise<void> {
  for (const [file, content] of Object.entries(files)) {
    const full = path.join(dir, file);
    if (content === null) {
      await fs.rm(full, { recursive: true, force: true });
      continue;
    }
    await fs.mkdir(path.dirname(full), { recursive: true });
    await fs.writeFile(full, content);
  }
}

export async function createRepo(options: { allowFilter?: boolean } = {}): Promise<FixtureRepo> {
  const dir = await tempDir('docdelta-git-fixture-');
  const plain = simpleGit({ baseDir: dir }).env(fixtureEnv());
  await plain.init();
  await plain.addConfig('user.name', 'Docs Writer');
  await plain.addConfig('user.email', 'docs@example.com');
  await plain.addConfig('commit.gpgsign', 'false');
  await plain.addConfig('tag.gpgsign', 'false');
  if (options.allowFilter ?? true) {
    // Lets the cache be a real partial clone, as it is against GitHub or GitLab.
    await plain.addConfig('uploadpack.allowFilter', 'true');
    await plain.addConfig('uploadpack.allowAnySHA1InWant', 'true');
  }
  const repo: FixtureRepo = {
    dir,
    git: plain,
    async commitAndTag(files, tag, date, annotated = false) {
      await writeFiles(dir, files);
      const dated = simpleGit({ baseDir: dir }).env(fixtureEnv({ GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }));
      await dated.raw(['add', '--all']);
      await dated.raw(['commit', '--quiet', '--allow-empty', '-m', `release ${tag}`]);
      if (annotated) await dated.raw(['tag', '-a', tag, '-m', `Release ${tag}`]);
      else await dated.raw(['tag', tag]);
    },
    dispose: () => fs.rm(dir, { recursive: true, force: true }),
  };
  return repo;
}

/** The standard fixture repository described at the top of this file. */
export async function createDocsRepo(options: { allowFilter?: boolean } = {}): Promise<FixtureRepo> {
  const repo = await createRepo(options);
  await repo.commitAndTag({ 'README.md': '# Product\n', 'src/app.ts': 'export const app = 1;\n' }, 'v0.9.0', TAG_DATES['v0.9.0']!);
  await repo.commitAndTag(
    {
      'docs/index.mdx': page('Home', 'Start with [users](/user-management/users).'),
      'docs/user-management/index.mdx': page('User Management', lorem('Overview', 3)),
      'docs/user-management/users.mdx': page('Users', `## Create a user\n\n${lorem('Users', 4)}\n\n## Delete a user\n\n${lorem('Deletion', 2)}`),
      'docs/user-management/sessions.mdx': page('Sessions', `## Refresh\n\n${lorem('Refresh', 3)}\n\n## Revoke\n\n${lorem('Revoke', 2)}`),
      'docs/user-management/organizations.mdx': page('Organizations', lorem('Organizations', 5)),
      'docs/guides/quickstart.mdx': page('Quickstart', `## Install\n\n${lorem('Install', 2)}`),
      'docs/legacy.mdx': page('Legacy API', lorem('Legacy', 3)),
      'docs/assets/logo.png': binaryImage(1),
      'src/app.ts': 'export const app = 2;\n',
    },
    'v1.0.0',
    TAG_DATES['v1.0.0']!,
  );
  // A symbolic link inside the docs folder: skipped, never followed.
  await fs.symlink('../README.md', path.join(repo.dir, 'docs', 'readme-link.md'));
  await repo.commitAndTag(
    {
      'docs/guides/quickstart.mdx': page('Quickstart', `## Install\n\n${lorem('Install', 2)}\n\n## Configure\n\n${lorem('Configure', 3)}`),
      'docs/guides/webhooks.mdx': page('Webhooks', lorem('Webhooks', 3)),
    },
    'v1.1.0',
    TAG_DATES['v1.1.0']!,
    true,
  );
  await fs.rename(path.join(repo.dir, 'docs/user-management'), path.join(repo.dir, 'docs/authkit'));
  await repo.commitAndTag(
    {
      'docs/index.mdx': page('Home', 'Start with [users](/authkit/users).'),
      'docs/authkit/index.mdx': page('AuthKit', lorem('Overview', 3)),
      'docs/authkit/users.mdx': page('Users', `## Create a user\n\n${lorem('Users', 4)}\n\n## Remove a user\n\n${lorem('Deletion', 2)}`),
      'docs/authkit/passkeys.mdx': page('Passkeys', lorem('Passkeys', 3)),
      'docs/legacy.mdx': null,
      'docs/assets/logo.png': binaryImage(2),
    },
    'v2.0.0',
    TAG_DATES['v2.0.0']!,
  );
  await repo.commitAndTag({ 'docs/preview.mdx': page('Preview <script>alert(1)</script>', 'Coming soon & <b>bold</b>.') }, 'docs-preview', TAG_DATES['docs-preview']!);
  // A ref name git would read as an option if it were ever passed on a command line.
  await repo.git.raw(['update-ref', 'refs/tags/--orphan', 'v1.0.0']);
  return repo;
}
