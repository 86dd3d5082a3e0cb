// A local stand-in for a Slack incoming webhook on 127.0.0.1. It answers the way Slack does — 200
// `ok`, 429 with Retry-After, 5xx, 400 `invalid_payload`, 404/410 `channel_is_archived`, 403 — or
// misbehaves (hangs, resets the connection), following a script of replies; with nothing scripted
// it accepts. It also checks each accepted payload against Block Kit's limits and refuses one that
// breaks them with 400 `invalid_blocks`, as Slack would.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type SlackReply =
  | { kind: 'ok' }
  | { kind: 'rate-limited'; retryAfter: string }
  | { kind: 'error'; status: number; body: string }
  | { kind: 'hang' }
  | { kind: 'reset' }
  /** Posts the message and sends 200 with the start of a body that never ends. */
  | { kind: 'ok-then-stall' };

export interface ReceivedRequest {
  at: number;
  path: string;
  body: string;
  reply: SlackReply['kind'] | 'invalid_blocks';
}

export interface SlackReceiver {
  /** The webhook URL, with a random secret path like Slack's. */
  url: string;
  /** The part of the URL that is secret. */
  secret: string;
  requests: ReceivedRequest[];
  /** Messages Slack would have shown in the channel. */
  posted: unknown[];
  /** Replies for the next requests, in order; afterwards every request gets 200 ok. */
  script(...replies: SlackReply[]): void;
  close(): Promise<void>;
}

/** Block Kit's limits, as Slack enforces them for a message. */
export function blockKitViolations(payload: unknown): string[] {
  const problems: string[] = [];
  const message = payload as { text?: unknown; blocks?: unknown };
  if (!Array.isArray(message.blocks)) return ['no blocks'];
  if (message.blocks.length > 50) problems.push(`${message.blocks.length} blocks (max 50)`);
  for (const [index, block] of (message.blocks as Record<string, unknown>[]).entries()) {
    const text = (block.text as { text?: string } | undefined)?.text;
    if (block.type === 'header' && (text ?? '').length > 150) problems.push(`header ${index}: ${text!.length} chars (max 150)`);
    if (block.type === 'section') {
      if (text !== undefined && (text.length > 3000 || text.length === 0)) problems.push(`section ${index}: ${text.length} chars (1–3000)`);
      const fields = block.fields as { text: string }[] | undefined;
      if (fields && fields.length > 10) problems.push(`section ${index}: ${fields.length} fields (max 10)`);
      for (const field of fields ?? []) if (field.text.length > 2000) problems.push(`section ${index}: a field of ${field.text.length} chars`);
      if (text === undefined && !fields) problems.push(`section ${index}: neither text nor fields`);
    }
    if (block.type === 'context' && ((block.elements as unknown[]) ?? []).length > 10) problems.push(`context ${index}: too many elements`);
  }
  return problems;
}

export async function startSlackReceiver(): Promise<SlackReceiver> {
  const queue: SlackReply[] = [];
  const requests: ReceivedRequest[] = [];
  const posted: unknown[] = [];
  const sockets = new Set<Socket>();
  const secret = `/services/T${crypto.randomBytes(4).toString('hex')}/B${crypto.randomBytes(4).toString('hex')}/${crypto.randomBytes(12).toString('hex')}`;

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const record = (reply: ReceivedRequest['reply']) => requests.push({ at: Date.now(), path: request.url ?? '', body, reply });
      if (request.method !== 'POST' || request.url !== secret) {
        record('error');
        response.writeHead(404, { 'content-type': 'text/plain' }).end('no_service');
        return;
      }
      const reply = queue.shift() ?? { kind: 'ok' };
      switch (reply.kind) {
        case 'ok-then-stall':
          record('ok-then-stall');
          posted.push(JSON.parse(body));
          response.writeHead(200, { 'content-type': 'text/plain', 'content-length': '2' });
          response.write('o'); // and never the rest
          return;
        case 'hang':
          record('hang');
          return; // never answered; closed with the server
        case 'reset':
          record('reset');
          request.socket.resetAndDestroy();
          return;
        case 'rate-limited':
          record('rate-limited');
          response.writeHead(429, { 'content-type': 'text/plain', 'retry-after': reply.retryAfter }).end('rate_limited');
          return;
        case 'error':
          record('error');
          response.writeHead(reply.status, { 'content-type': 'text/plain' }).end(reply.body);
          return;
        case 'ok': {
          let payload: unknown;
          try {
            payload = JSON.parse(body);
          } catch {
            record('error');
            response.writeHead(400, { 'content-type': 'text/plain' }).end('invalid_payload');
            return;
          }
          if (blockKitViolations(payload).length > 0) {
            record('invalid_blocks');
            response.writeHead(400, { 'content-type': 'text/plain' }).end('invalid_blocks');
            return;
          }
          record('ok');
          posted.push(payload);
          response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
        }
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${secret}`,
    secret,
    requests,
    posted,
    script: (...replies) => queue.push(...replies),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
