// A small, real-shaped docs package in two versions, ingested through the real pipeline:
// a folder move (user-management → authkit) with edits, pages added and removed, frontmatter and
// section changes, a navigation file, and a page whose text tries to inject markup.
import type { ServiceContext } from '../../src/services/context.ts';
import { ingestFiles } from '../../src/services/ingest.ts';
import { ensurePackage } from '../../src/store/packages.ts';
import type { SourceFile } from '../../src/types.ts';

const ROOT = '.docs/organized/docs';

const page = (title: string, body: string, description = `${title} description`) =>
  `---\ntitle: ${title}\ndescription: ${description}\n---\n\n# ${title}\n\n${body}\n`;

const lorem = (topic: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${topic} paragraph ${i + 1} explains one detail of ${topic.toLowerCase()} for readers.`).join('\n\n');

export const FIXTURE_V1: Record<string, string> = {
  'package.json': '{"name":"@fixture/docs","version":"1.0.0"}\n',
  [`${ROOT}/index.mdx`]: page('Home', 'Start with [SSO](/sso) or [users](/user-management/users).'),
  [`${ROOT}/sso.mdx`]: page('Single Sign-On', `## Setup\n\n${lorem('Setup', 3)}\n\n## Testing\n\n${lorem('Testing', 2)}`),
  [`${ROOT}/glossary.mdx`]: page('Glossary', `## ACS URL\n\nThe assertion consumer service URL.\n\n## Entity ID\n\nAn identifier.`),
  [`${ROOT}/user-management/index.mdx`]: page('User Management', `${lorem('Overview', 3)}\n\nSee [sessions](/user-management/sessions#refresh).`),
  [`${ROOT}/user-management/users.mdx`]: page('Users', `## Create a user\n\n${lorem('Users', 4)}\n\n## Delete a user\n\n${lorem('Deletion', 2)}`),
  [`${ROOT}/user-management/sessions.mdx`]: page('Sessions', `## Refresh\n\n${lorem('Refresh', 3)}\n\n## Revoke\n\n${lorem('Revoke', 2)}`),
  [`${ROOT}/user-management/organizations.mdx`]: page('Organizations', lorem('Organizations', 5)),
  [`${ROOT}/user-management/mfa.mdx`]: page('Multi-Factor Auth', lorem('MFA', 4)),
  [`${ROOT}/legacy/old-api.mdx`]: page('Old API', lorem('Legacy', 3)),
  [`${ROOT}/unsafe.mdx`]: page('Unsafe <script>alert(1)</script>', 'Text with <img src=x onerror="alert(2)"> and <!channel> inside.'),
  [`${ROOT}/_navigation.mdx`]: '---\nitems:\n  - title: Users\n    url: /user-management/users\n  - title: SSO\n    url: /sso\n---\n',
};

export const FIXTURE_V2: Record<string, string> = {
  'package.json': '{"name":"@fixture/docs","version":"2.0.0"}\n',
  [`${ROOT}/index.mdx`]: page('Home', 'Start with [SSO](/sso) or [users](/authkit/users).'),
  [`${ROOT}/sso.mdx`]: page('Single Sign-On', `## Setup\n\n${lorem('Setup', 3)}\nA new setup step.\n\n## Testing\n\n${lorem('Testing', 2)}\n\n## Troubleshooting\n\n${lorem('Trouble', 2)}`, 'SSO with any identity provider'),
  [`${ROOT}/glossary.mdx`]: page('Glossary', `## ACS URL\n\nThe assertion consumer service URL.\n\n## Entity ID\n\nAn identifier.`),
  [`${ROOT}/authkit/index.mdx`]: page('AuthKit', `${lorem('Overview', 3)}\n\nSee [sessions](/authkit/sessions#refresh).`),
  [`${ROOT}/authkit/users.mdx`]: page('Users', `## Create a user\n\n${lorem('Users', 4)}\n\n## Remove a user\n\n${lorem('Deletion', 2)}`),
  [`${ROOT}/authkit/sessions.mdx`]: page('Sessions', `## Refresh\n\n${lorem('Refresh', 3)}\n\n## Revoke\n\n${lorem('Revoke', 2)}`),
  [`${ROOT}/authkit/organizations.mdx`]: page('Organizations', lorem('Organizations', 5)),
  [`${ROOT}/authkit/passkeys.mdx`]: page('Passkeys', lorem('Passkeys', 3)),
  [`${ROOT}/unsafe.mdx`]: page('Unsafe <script>alert(1)</script>', 'Text with <img src=x onerror="alert(2)"> and <!channel> inside, edited.'),
  [`${ROOT}/_navigation.mdx`]: '---\nitems:\n  - title: Users\n    url: /authkit/users\n  - title: SSO\n    url: /sso\n---\n',
};

export function toSourceFiles(files: Record<string, string | Uint8Array>): SourceFile[] {
  return Object.entries(files)
    .map(([path, content]) => ({ path, bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content }))
    .sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)));
}

export interface SeedVersion {
  version: string;
  files: Record<string, string | Uint8Array>;
  publishedAt?: Date;
}

/** Ingests versions of a package through the real normalize + store pipeline. */
export async function seedPackage(ctx: ServiceContext, name: string, versions: SeedVersion[], options: { source?: 'local' | 'npm' } = {}): Promise<void> {
  const pkg = await ensurePackage(ctx.db, { name, source: options.source ?? 'local' });
  for (const [index, entry] of versions.entries()) {
    await ingestFiles(ctx, pkg, {
      version: entry.version,
      publishedAt: entry.publishedAt ?? new Date(Date.UTC(2025, 0, 1 + index * 7)),
      deprecated: null,
      integrity: null,
    }, toSourceFiles(entry.files));
  }
}

/** The standard fixture: `@fixture/docs` 1.0.0 → 2.0.0 (name overridable so tests keep their data apart). */
export async function seedFixture(ctx: ServiceContext, name = '@fixture/docs'): Promise<void> {
  await seedPackage(ctx, name, [
    { version: '1.0.0', files: FIXTURE_V1 },
    { version: '2.0.0', files: FIXTURE_V2 },
  ]);
}
