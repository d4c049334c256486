import { describe, expect, it } from 'vitest'
import { safeRedirectPath } from './redirect.ts'

describe('safeRedirectPath', () => {
  it('keeps local paths with their query', () => {
    expect(safeRedirectPath('/regions/abc?x=1')).toBe('/regions/abc?x=1')
  })
  it.each(['//evil.example', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', '', null, '/a\u0000b'])(
    'refuses %j',
    (value) => {
      expect(safeRedirectPath(value)).toBe('/')
    },
  )
})
