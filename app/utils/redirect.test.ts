import { describe, expect, it } from 'vitest'
import { safeRedirectPath } from './redirect.ts'

describe('safeRedirectPath', () => {
  it('keeps local paths with their query', () => {
    expect(safeRedirectPath('/regions/abc?x=1')).toBe('/regions/abc?x=1')
  })
  it('keeps percent-encoded paths and queries as they are', () => {
    expect(safeRedirectPath('/handbook/noord?q=caf%C3%A9')).toBe('/handbook/noord?q=caf%C3%A9')
  })
  it.each([
    '//evil.example',
    '/\\evil.example',
    'https://evil.example',
    'javascript:alert(1)',
    '',
    null,
    '/a\u0000b',
    '/\u3000/evil.example',
    '/\u3000\u3000evil.example',
    '/\t/evil.example',
    '/ /evil.example',
    '/é',
    '/' + 'a'.repeat(3000),
  ])('refuses %j', (value) => {
    expect(safeRedirectPath(value)).toBe('/')
  })
})
