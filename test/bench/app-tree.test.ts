import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeAppTree } from '../../bench/synthetic/app-tree.ts';
import { tempDir } from '../support/context.ts';

const OPTIONS = { seed: 5, files: 120, routes: ['/authkit/users', '/sso', '/reference/user-management'], baseUrl: 'https://workos.com/docs' };
const made: string[] = [];

async function listFiles(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out.set(path.relative(dir, full), await fs.readFile(full, 'utf8'));
  }
  return out;
}

afterAll(async () => {
  for (const dir of made) await fs.rm(dir, { recursive: true, force: true });
});

describe('the synthetic app for --scan', () => {
  it('is the same for the same seed, with the requested number of files outside node_modules', async () => {
    const [a, b] = [await tempDir('bench-app-'), await tempDir('bench-app-')];
    made.push(a, b);
    await writeAppTree(a, OPTIONS);
    await writeAppTree(b, OPTIONS);
    const [filesA, filesB] = [await listFiles(a), await listFiles(b)];
    expect(filesA).toEqual(filesB);
    expect([...filesA.keys()].filter((file) => !file.startsWith('node_modules')).length).toBe(120);
    expect([...filesA.keys()].some((file) => file.startsWith('node_modules/'))).toBe(true);
  });

  it('links into the docs both absolutely and root-relatively, and to other sites', async () => {
    const dir = await tempDir('bench-app-');
    made.push(dir);
    await writeAppTree(dir, OPTIONS);
    const text = [...(await listFiles(dir)).values()].join('\n');
    expect(text).toContain('https://workos.com/docs/authkit/users');
    expect(text).toMatch(/['"( ]\/docs\/(authkit\/users|sso|reference\/user-management)/);
    expect(text).toContain('https://example.com/');
  });
});
