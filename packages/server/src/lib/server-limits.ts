/** How long the server waits on a client, and how many it serves at once (TORII_*_TIMEOUT_MS, TORII_MAX_CONNECTIONS). */
export interface ServerLimits {
  /** Time to receive a whole request, headers and body (Node's default: 300 s). */
  requestTimeoutMs: number
  /** Time to receive a request's headers (Node's default: 60 s, checked only every 30 s). */
  headersTimeoutMs: number
  /** How long an idle keep-alive connection is kept. */
  keepAliveTimeoutMs: number
  /** Connections open at once; more are refused at accept (Node's default: no limit). */
  maxConnections: number
}

export const DEFAULT_MAX_CONNECTIONS = 4096

export const DEFAULT_SERVER_LIMITS: ServerLimits = {
  requestTimeoutMs: 30_000,
  headersTimeoutMs: 10_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: DEFAULT_MAX_CONNECTIONS,
}

/**
 * Node's `http.createServer` options for `limits`. Node checks the header and request timeouts on an
 * interval (30 s by default), so a slow-loris socket was held up to 30 s past them: the interval follows
 * the header timeout (a quarter of it, 1 s at most).
 */
export function httpServerOptions(limits: ServerLimits) {
  return {
    requestTimeout: limits.requestTimeoutMs,
    headersTimeout: limits.headersTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(limits.headersTimeoutMs / 4))),
  }
}
