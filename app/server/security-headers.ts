// Security headers (helmet): a Content-Security-Policy with a per-request nonce (set before this
// middleware as res.locals.cspNonce), no framing, a strict referrer policy — and two variants,
// picked per request by its real protocol: over https (production, or behind a trusted proxy that
// says so) browsers are told to upgrade every request and to remember https (HSTS); over plain
// http (the demo opened by the machine's address from a phone on the shop's Wi-Fi) they are not,
// or the page would load without its styles.
import type express from 'express'
import helmet from 'helmet'

/** Sign-in with SSO ends in a redirect to the identity provider: its origin may receive forms too. */
function identityProviderOrigin(): string[] {
  try {
    return process.env.OIDC_ISSUER ? [new URL(process.env.OIDC_ISSUER).origin] : []
  } catch {
    return []
  }
}

export function securityHeaders(mode: 'production' | 'development'): express.RequestHandler {
  const headers = (secure: boolean) =>
    helmet({
      xPoweredBy: false,
      referrerPolicy: { policy: 'same-origin' },
      crossOriginEmbedderPolicy: false,
      strictTransportSecurity: secure,
      contentSecurityPolicy: {
        directives: {
          'default-src': ["'self'"],
          'connect-src': mode === 'development' ? ["'self'", 'ws:'] : ["'self'"],
          'font-src': ["'self'"],
          'frame-ancestors': ["'none'"],
          'img-src': ["'self'", 'data:'],
          'form-action': ["'self'", ...identityProviderOrigin()],
          'script-src': [
            "'strict-dynamic'",
            "'self'",
            (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`,
          ],
          'script-src-attr': ["'none'"],
          'worker-src': ["'self'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'upgrade-insecure-requests': secure ? [] : null,
        },
      },
    })
  const overHttps = headers(true)
  const overHttp = headers(false)
  return (req, res, next) => (req.secure ? overHttps : overHttp)(req, res, next)
}
