// Frontmatter through gray-matter, with every way it could run page code closed off.
import matter from 'gray-matter';
import type { FrontmatterBlock } from './frontmatter-block.ts';
import type { NormalizeLimits } from './limits.ts';
import { toPlainData } from './plain-data.ts';
import { loadSafeYaml } from './safe-yaml.ts';

export interface FrontmatterResult {
  data: Record<string, unknown>;
  error: string | null;
}

const YAML_LANGUAGES = new Set(['', 'yaml', 'yml']);

const refuse = (language: string) => () => {
  throw new Error(`frontmatter language "${language}" is refused: only YAML is read`);
};

/**
 * gray-matter's `javascript` engine evals the block. The language is checked before gray-matter sees
 * the page, and every engine but YAML is replaced by one that throws, in case the two checks ever disagree.
 */
function grayMatterOptions(limits: NormalizeLimits) {
  const yamlEngine = {
    parse: (source: string) => toPlainData(loadSafeYaml(source), { maxNodes: limits.maxFrontmatterNodes, maxDepth: limits.maxFrontmatterDepth }) as object,
    stringify: refuse('yaml'),
  };
  const engines: Record<string, { parse: (source: string) => object; stringify: () => string }> = { yaml: yamlEngine, yml: yamlEngine };
  for (const language of ['javascript', 'js', 'json', 'coffee', 'coffeescript', 'cson', 'toml']) {
    engines[language] = { parse: refuse(language), stringify: refuse(language) };
  }
  // A fresh options object every call: gray-matter caches by content only when called without options,
  // and a cached failure would come back as a success the second time.
  return { language: 'yaml', excerpt: false, engines };
}

export function parseFrontmatter(block: FrontmatterBlock, limits: NormalizeLimits): FrontmatterResult {
  const refusal = refusalFor(block, limits);
  if (refusal) return { data: {}, error: refusal };
  try {
    // Only the block, behind a plain `---`: gray-matter never sees a language line or the body.
    const file = matter(`---\n${block.source}\n---\n`, grayMatterOptions(limits));
    const data: unknown = file.data;
    if (data === null || data === undefined) return { data: {}, error: null };
    if (typeof data !== 'object' || Array.isArray(data)) return { data: {}, error: 'frontmatter is not a mapping of fields' };
    return { data: data as Record<string, unknown>, error: null };
  } catch (error) {
    return { data: {}, error: describe(error) };
  }
}

function refusalFor(block: FrontmatterBlock, limits: NormalizeLimits): string | null {
  if (!YAML_LANGUAGES.has(block.language.toLowerCase())) {
    return `frontmatter language "${block.language.slice(0, 40)}" is refused: only YAML is read`;
  }
  if (block.source.length > limits.maxFrontmatterBytes) {
    return `frontmatter of ${block.source.length} characters is over the ${limits.maxFrontmatterBytes} limit`;
  }
  // gray-matter closes at the first `\n---`, even `----`; such a block would be read differently by it and by us.
  if (block.source.startsWith('---') || block.source.includes('\n---')) return 'frontmatter contains a line starting with ---';
  return null;
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const oneLine = message.replace(/\s+/g, ' ').trim();
  return `frontmatter could not be read: ${oneLine.length > 300 ? `${oneLine.slice(0, 300)}…` : oneLine}`;
}
