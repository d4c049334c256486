// The local-network demo and production over https: the headers follow the request's real
// protocol, and X-Forwarded-Proto counts only behind a trusted proxy.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, describe, expect, it } from 'vitest'
import { parseTrustProxy } from '../utils/proxy.server.ts'
import { securityHeaders } from './security-headers.ts'

function app(trustProxy: string | undefined) {
  const server = express()
  const trust = parseTrustProxy(trustProxy)
  if (trust !== undefined) server.set('trust proxy', trust)
  server.use((_req, res, next) => {
    res.locals.cspNonce = 'n'
    next()
  })
  server.use(securityHeaders('production'))
  server.get('/', (_req, res) => res.send('ok'))
  return http.createServer(server)
}

const servers: http.Server[] = []
const url = async (trustProxy?: string) => {
  const server = app(trustProxy)
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
}
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))))
})

describe('security headers follow the real protocol', () => {
  it('plain http (a phone on the same network): no upgrade to https, no HSTS', async () => {
    const response = await fetch(await url())
    expect(response.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests')
    expect(response.headers.get('strict-transport-security')).toBeNull()
  })
  it('https behind a trusted proxy: upgrade and HSTS', async () => {
    const response = await fetch(await url('1'), { headers: { 'X-Forwarded-Proto': 'https' } })
    expect(response.headers.get('content-security-policy')).toContain('upgrade-insecure-requests')
    expect(response.headers.get('strict-transport-security')).toContain('max-age=')
  })
  it('X-Forwarded-Proto from anyone, without TRUST_PROXY, is ignored', async () => {
    const response = await fetch(await url(), { headers: { 'X-Forwarded-Proto': 'https' } })
    expect(response.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests')
  })
})
