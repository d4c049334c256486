import { describe, expect, it } from 'vitest'
import { isCrossSiteRequest } from './csrf.server.ts'

describe('cross-site request check', () => {
  it('lets same-origin posts through', () => {
    expect(
      isCrossSiteRequest('POST', { host: 'app.test', origin: 'https://app.test', 'sec-fetch-site': 'same-origin' }),
    ).toBe(false)
  })
  it('refuses a post from another site', () => {
    expect(isCrossSiteRequest('POST', { host: 'app.test', origin: 'https://evil.test' })).toBe(true)
    expect(isCrossSiteRequest('POST', { host: 'app.test', 'sec-fetch-site': 'cross-site' })).toBe(true)
    expect(isCrossSiteRequest('POST', { host: 'app.test', origin: 'null' })).toBe(true)
  })
  it('believes X-Forwarded-Host only behind a trusted proxy', () => {
    const forged = { host: 'app.test', origin: 'https://evil.test', 'x-forwarded-host': 'evil.test' }
    expect(isCrossSiteRequest('POST', forged)).toBe(true)
    expect(isCrossSiteRequest('POST', forged, true)).toBe(false)
    const proxied = {
      host: 'internal:3000',
      origin: 'https://leidraad.example',
      'x-forwarded-host': 'leidraad.example',
    }
    expect(isCrossSiteRequest('POST', proxied, true)).toBe(false)
  })
  it('never blocks reads', () => {
    expect(isCrossSiteRequest('GET', { host: 'app.test', origin: 'https://evil.test' })).toBe(false)
  })
})
