import { describe, expect, it } from 'vitest'
import { parseTrustProxy } from './proxy.server.ts'

describe('TRUST_PROXY', () => {
  it('is a hop count when it is a number (as the README suggests: 1), not an address', () => {
    expect(parseTrustProxy('1')).toBe(1)
    expect(parseTrustProxy(' 2 ')).toBe(2)
  })
  it('trusts nobody when unset, empty or false', () => {
    for (const value of [undefined, '', 'false', '  ']) expect(parseTrustProxy(value)).toBeUndefined()
  })
  it('passes address lists and true through', () => {
    expect(parseTrustProxy('true')).toBe(true)
    expect(parseTrustProxy('loopback, 10.0.0.0/8')).toBe('loopback, 10.0.0.0/8')
  })
})
