// Live Streamable HTTP sessions: one transport and one McpServer each, looked up by Mcp-Session-Id.
// Bounded in number, closed when idle too long, and all closed on shutdown so open SSE streams end.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

export interface McpSession {
  transport: StreamableHTTPServerTransport;
  server: McpServer;
  lastSeen: number;
}

export interface SessionLimits {
  maxSessions: number;
  idleMs: number;
}

export class SessionRegistry {
  private readonly sessions = new Map<string, McpSession>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly limits: SessionLimits,
    private readonly now: () => number = Date.now,
  ) {
    this.timer = setInterval(() => void this.closeIdle(), Math.min(60_000, Math.max(1_000, limits.idleMs / 2)));
    this.timer.unref();
  }

  get size(): number {
    return this.sessions.size;
  }

  /** The session, marked as just used; undefined for an unknown (or forged, or expired) id. */
  touch(id: string): McpSession | undefined {
    const session = this.sessions.get(id);
    if (session) session.lastSeen = this.now();
    return session;
  }

  add(id: string, session: Omit<McpSession, 'lastSeen'>): void {
    this.sessions.set(id, { ...session, lastSeen: this.now() });
  }

  /** Forgets the session; closing is the caller's (or the transport's) business. */
  forget(id: string): void {
    this.sessions.delete(id);
  }

  /** Room for one more, after closing sessions idle past the limit. */
  async hasRoom(): Promise<boolean> {
    if (this.sessions.size < this.limits.maxSessions) return true;
    await this.closeIdle();
    return this.sessions.size < this.limits.maxSessions;
  }

  async closeIdle(): Promise<void> {
    const cutoff = this.now() - this.limits.idleMs;
    const idle = [...this.sessions].filter(([, session]) => session.lastSeen <= cutoff);
    await Promise.all(idle.map(([id, session]) => this.close(id, session)));
  }

  async closeAll(): Promise<void> {
    clearInterval(this.timer);
    await Promise.all([...this.sessions].map(([id, session]) => this.close(id, session)));
  }

  private async close(id: string, session: McpSession): Promise<void> {
    this.sessions.delete(id);
    await session.server.close().catch(() => {});
  }
}
