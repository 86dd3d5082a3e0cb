// Removing a folder an embedded server may still be writing in (WAL, statistics) until it notices:
// a single pass can meet a file added meanwhile (ENOTEMPTY), so rm retries, as a second rm would.
import fs from 'node:fs/promises';

export function removeTree(folder: string): Promise<void> {
  return fs.rm(folder, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 });
}
