import type { IncomingHttpHeaders } from 'node:http'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * A state-changing request from another site is refused. Browsers send `Origin` on every
 * cross-origin POST and `Sec-Fetch-Site` on every request; either one tells us. Requests
 * without both (curl, server-to-server) carry no ambient browser cookie risk beyond SameSite=Lax.
 * `X-Forwarded-Host` counts only behind a trusted proxy: anyone can send that header.
 */
export function isCrossSiteRequest(method: string, headers: IncomingHttpHeaders, behindTrustedProxy = false): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false
  const fetchSite = headers['sec-fetch-site']
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') return true
  const origin = headers.origin
  if (!origin) return false
  if (origin === 'null') return true
  const forwarded = behindTrustedProxy ? headers['x-forwarded-host']?.toString().split(',')[0]?.trim() : undefined
  const host = forwarded || headers.host
  try {
    return new URL(origin).host !== host
  } catch {
    return true
  }
}
