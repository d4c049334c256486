/**
 * TRUST_PROXY: how many proxies stand in front (`1`: the usual single load balancer), `true` for
 * any number, or Express's list of trusted addresses and subnets (`loopback, 10.0.0.0/8`). Unset
 * (or `false`): no proxy is trusted — the client address is the TCP peer, X-Forwarded-* headers
 * are ignored (they could be forged by anyone).
 */
export function parseTrustProxy(value: string | undefined): number | boolean | string | undefined {
  const trimmed = value?.trim()
  if (!trimmed || trimmed === 'false') return undefined
  if (/^\d+$/.test(trimmed)) return Number(trimmed)
  if (trimmed === 'true') return true
  return trimmed
}
