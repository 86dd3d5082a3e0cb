// Reads many objects from a repository with one `git cat-file --batch` process. simple-git cannot
// feed a child's stdin, so this one command is spawned directly: its arguments are fixed, it runs in
// docdelta's own cache repository, and what goes to its stdin is checked (object ids, or
// `<commit>:<checked folder>` names). Output is parsed as it streams, so an object over the size
// cap stops the process before it is read into memory.
import { spawn } from 'node:child_process';
import { invalidInput, upstream } from '../../errors.ts';

export interface BatchLimits {
  maxObjectBytes: number;
  maxTotalBytes: number;
  inactivityMs: number;
}

export type BatchAnswer =
  | { request: string; missing: true }
  | { request: string; missing: false; oid: string; type: string; size: number; bytes: Uint8Array | null };

 
const BAD_REQUEST = /[\u0000-\u001f\u007f]/;

/**
 * Asks git about each request (an object id or `rev:path`), in order. `contents` reads the objects'
 * bytes (`--batch`); otherwise only their type and size (`--batch-check`).
 */
export function catFileBatch(
  gitDir: string,
  requests: readonly string[],
  options: { contents: boolean; env: Record<string, string>; limits: BatchLimits },
): Promise<BatchAnswer[]> {
  for (const request of requests) {
    if (request === '' || BAD_REQUEST.test(request) || request.startsWith('-')) throw invalidInput(`refused object name ${JSON.stringify(request.slice(0, 80))}`);
  }
  if (requests.length === 0) return Promise.resolve([]);
  const { limits } = options;
  return new Promise((resolve, reject) => {
    // GIT_NO_LAZY_FETCH (git >= 2.44): a blob we failed to prefetch is an error, not one fetch per blob.
    const child = spawn('git', ['cat-file', options.contents ? '--batch' : '--batch-check'], {
      cwd: gitDir,
      env: { ...options.env, GIT_DIR: gitDir, GIT_NO_LAZY_FETCH: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const answers: BatchAnswer[] = [];
    let settled = false;
    let stderr = '';
    let total = 0;
    // Parser state: a header line being collected, or the body of an object of known size.
    let header: Buffer[] = [];
    let body: { answer: Extract<BatchAnswer, { missing: false }>; parts: Buffer[]; remaining: number } | null = null;

    const finish = (error: Error | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) {
        child.kill('SIGKILL');
        reject(error);
      } else resolve(answers);
    };
    let timer = setTimeout(() => finish(upstream(`git cat-file was silent for ${limits.inactivityMs} ms`)), limits.inactivityMs);
    const touch = () => {
      clearTimeout(timer);
      timer = setTimeout(() => finish(upstream(`git cat-file was silent for ${limits.inactivityMs} ms`)), limits.inactivityMs);
    };

    const onHeader = (line: string) => {
      const request = requests[answers.length];
      if (request === undefined) throw upstream('git cat-file answered more than it was asked');
      if (line.endsWith(' missing') || line.endsWith(' ambiguous')) {
        answers.push({ request, missing: true });
        return;
      }
      const match = /^([0-9a-f]{40,64}) (\S+) (\d+)$/.exec(line);
      if (!match) throw upstream(`unexpected answer from git cat-file: ${JSON.stringify(line.slice(0, 120))}`);
      const size = Number(match[3]);
      const answer = { request, missing: false as const, oid: match[1]!, type: match[2]!, size, bytes: null };
      if (!options.contents) {
        answers.push(answer);
        return;
      }
      if (size > limits.maxObjectBytes) throw invalidInput(`${request} is larger than ${limits.maxObjectBytes} bytes`);
      total += size;
      if (total > limits.maxTotalBytes) throw invalidInput(`the files add up to more than ${limits.maxTotalBytes} bytes`);
      body = { answer, parts: [], remaining: size + 1 };
    };

    const consume = (chunk: Buffer) => {
      let offset = 0;
      while (offset < chunk.length) {
        if (body) {
          const take = Math.min(body.remaining, chunk.length - offset);
          body.parts.push(chunk.subarray(offset, offset + take));
          body.remaining -= take;
          offset += take;
          if (body.remaining === 0) {
            const all = Buffer.concat(body.parts);
            // The object is followed by one LF that is not part of it.
            body.answer.bytes = new Uint8Array(all.buffer, all.byteOffset, all.length - 1);
            answers.push(body.answer);
            body = null;
          }
          continue;
        }
        const newline = chunk.indexOf(0x0a, offset);
        if (newline === -1) {
          header.push(chunk.subarray(offset));
          if (header.reduce((sum, part) => sum + part.length, 0) > 4096) throw upstream('git cat-file sent an overlong header');
          return;
        }
        header.push(chunk.subarray(offset, newline));
        const line = Buffer.concat(header).toString('utf8');
        header = [];
        offset = newline + 1;
        onHeader(line);
      }
    };

    child.stdout.on('data', (chunk: Buffer) => {
      if (settled) return;
      touch();
      try {
        consume(chunk);
      } catch (error) {
        finish(error as Error);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString('utf8');
    });
    child.on('error', (error) => finish(upstream(`could not run git: ${error.message}`, error)));
    child.on('close', (code) => {
      if (settled) return;
      if (code !== 0) return finish(upstream(`git cat-file failed (exit ${code}): ${stderr.trim().slice(0, 300) || 'no message'}`));
      if (body || answers.length !== requests.length) return finish(upstream('git cat-file stopped before answering every request'));
      finish(null);
    });
    child.stdin.on('error', () => {
      // A killed child closes its stdin; the close handler reports why.
    });
    child.stdin.end(`${requests.join('\n')}\n`);
  });
}
