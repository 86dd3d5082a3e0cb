// A path may be given relative to the docs root or to the package root; the tools try each
// reading in turn. Only "not found" moves on to the next reading; any other error is the answer.
import { DocdeltaError, notFound } from '../errors.ts';

export async function firstFound<T>(candidates: readonly string[], attempt: (path: string) => Promise<T>): Promise<T> {
  const misses: string[] = [];
  for (const candidate of candidates) {
    try {
      return await attempt(candidate);
    } catch (error) {
      if (!(error instanceof DocdeltaError) || error.code !== 'NOT_FOUND') throw error;
      if (candidates.length === 1) throw error;
      misses.push(error.message);
    }
  }
  throw notFound(misses.join('; '));
}
