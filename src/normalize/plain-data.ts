// Frontmatter goes to jsonb and into diffs: copy it into plain JSON data, bounded, whatever YAML produced.
import { cleanString } from './clean-string.ts';

export interface PlainDataLimits {
  maxNodes: number;
  maxDepth: number;
}

/**
 * Walks the expanded tree, so an alias-bomb (`&a [*a, *a, …]`) counts every repeat and is refused.
 * A `__proto__` key is defined as an own property, so it stays data and never becomes a prototype.
 */
export function toPlainData(value: unknown, limits: PlainDataLimits): unknown {
  let nodes = 0;
  const visit = (node: unknown, depth: number): unknown => {
    nodes += 1;
    if (nodes > limits.maxNodes) throw new Error(`more than ${limits.maxNodes} values`);
    if (depth > limits.maxDepth) throw new Error(`nested deeper than ${limits.maxDepth} levels`);
    if (node === null || node === undefined) return null;
    if (typeof node === 'string') return cleanString(node);
    if (typeof node === 'boolean') return node;
    if (typeof node === 'number') return Number.isFinite(node) ? node : String(node);
    if (node instanceof Date) return Number.isNaN(node.getTime()) ? null : node.toISOString();
    if (Array.isArray(node)) return node.map((item) => visit(item, depth + 1));
    if (typeof node === 'object' && isPlainObject(node)) {
      const copy: Record<string, unknown> = {};
      for (const key of Object.keys(node)) {
        const name = cleanString(key);
        const child = visit((node as Record<string, unknown>)[key], depth + 1);
        // Assignment is the fast way to add a field, and only `__proto__` means anything else to it.
        if (name === '__proto__') Object.defineProperty(copy, name, { value: child, enumerable: true, writable: true, configurable: true });
        else copy[name] = child;
      }
      return copy;
    }
    throw new Error(`unsupported value of type ${typeof node}`);
  };
  return visit(value, 0);
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
