// Live Streamable HTTP sessions: one transport and one McpServer each, looked up by Mcp-Session-Id.
// Bounded in number, closed when idle too long, and all closed on shutdown so open SSE streams end.
//
// Fair to clients (a client is its address, as express's `trust proxy` reports it): one client holds
// at most `maxPerClient` sessions — its next initialize closes its own least recently used one — and
// when all `maxSessions` are taken, a newcomer gets in by closing the least recently used session of
// the client holding the most. Only when every session belongs to a different client is a new one
// refused. A client that initializes in a loop and never ends its sessions thus churns only its own.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

export interface McpSession {
  transport: StreamableHTTPServerTransport;
  server: McpServer;
  lastSeen: number;
  /** Who opened it (the client's address). */
  client: string;
}

export interface SessionLimits {
  maxSessions: number;
  /** Sessions one client may hold at once. */
  maxPerClient: number;
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

  /**
   * Makes room for one more session of `client`, closing what the rules above allow; false when
   * every session belongs to a different client.
   */
  async admit(client: string): Promise<boolean> {
    const own = this.sessionsOf(client);
    if (own.length >= this.limits.maxPerClient) await this.closeLeastRecent(own);
    if (this.sessions.size < this.limits.maxSessions) return true;
    await this.closeIdle();
    if (this.sessions.size < this.limits.maxSessions) return true;
    const busiest = this.busiestClient();
    if (busiest === undefined) return false;
    const theirs = this.sessionsOf(busiest);
    if (theirs.length < 2 && busiest !== client) return false;
    await this.closeLeastRecent(theirs);
    return this.sessions.size < this.limits.maxSessions;
  }

  private sessionsOf(client: string): [string, McpSession][] {
    return [...this.sessions].filter(([, session]) => session.client === client);
  }

  private busiestClient(): string | undefined {
    const counts = new Map<string, number>();
    for (const session of this.sessions.values()) counts.set(session.client, (counts.get(session.client) ?? 0) + 1);
    let busiest: string | undefined;
    for (const [client, count] of counts) if (busiest === undefined || count > counts.get(busiest)!) busiest = client;
    return busiest;
  }

  private async closeLeastRecent(entries: [string, McpSession][]): Promise<void> {
    const oldest = entries.reduce<[string, McpSession] | undefined>((found, entry) => (!found || entry[1].lastSeen < found[1].lastSeen ? entry : found), undefined);
    if (oldest) await this.close(oldest[0], oldest[1]);
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
