// The blob key: hashing the raw bytes (not decoded text) keeps it equal to what the store deduplicates on.
import { createHash } from 'node:crypto';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
