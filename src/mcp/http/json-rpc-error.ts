// HTTP-level refusals in the shape the SDK's own transport uses, so a client sees one error format
// whether our guard or the transport said no.
import type { Response } from 'express';

export function sendJsonRpcError(res: Response, status: number, message: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.status(status).set(headers).json({ jsonrpc: '2.0', error: { code: -32000, message }, id: null });
}
