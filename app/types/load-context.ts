import '@remix-run/node'

declare module '@remix-run/node' {
  interface AppLoadContext {
    /** Per-request Content-Security-Policy nonce, set by the HTTP server. */
    cspNonce?: string
    /** The client's IP address as the HTTP server sees it (TRUST_PROXY decides). */
    clientAddress?: string
  }
}
