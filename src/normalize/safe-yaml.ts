// The only YAML loader normalize uses: no JavaScript types, ever, whatever the page asks for.
import { createRequire } from 'node:module';

interface JsYaml {
  safeLoad?: (source: string, options: { schema: unknown }) => unknown;
  load: (source: string, options: { schema: unknown }) => unknown;
  CORE_SCHEMA: unknown;
}

// gray-matter's own js-yaml, not a second copy: the package declares no direct dependency on it.
const requireHere = createRequire(import.meta.url);
const yaml = createRequire(requireHere.resolve('gray-matter'))('js-yaml') as JsYaml;
if (!yaml.CORE_SCHEMA || typeof yaml.load !== 'function') throw new Error('js-yaml without CORE_SCHEMA: cannot load YAML safely');

// js-yaml 3's `load` defaults to a schema with `!!js/function`; 4 dropped `safeLoad` and made `load` safe.
const loadYaml = yaml.safeLoad ?? yaml.load;

/**
 * CORE_SCHEMA (YAML 1.2 core) has no `!!js/*`, `!!binary` or timestamp types: dates stay strings,
 * which is what a diff of frontmatter fields wants anyway.
 */
export function loadSafeYaml(source: string): unknown {
  return loadYaml.call(yaml, source, { schema: yaml.CORE_SCHEMA });
}
