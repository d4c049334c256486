import { describe, expect, it } from 'vitest'
import { diffStats, diffText } from './diff.ts'

describe('diffText', () => {
  it('marks inserted and deleted words, keeping the rest', () => {
    const parts = diffText('Bel de klant binnen vijf werkdagen terug.', 'Bel de klant binnen één werkdag zelf terug.')
    expect(parts.filter((p) => p.kind === 'removed').map((p) => p.text.trim())).toEqual(['vijf werkdagen'])
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual(['één werkdag zelf'])
    expect(
      parts
        .filter((p) => p.kind !== 'added')
        .map((p) => p.text)
        .join(''),
    ).toBe('Bel de klant binnen vijf werkdagen terug.')
    expect(
      parts
        .filter((p) => p.kind !== 'removed')
        .map((p) => p.text)
        .join(''),
    ).toBe('Bel de klant binnen één werkdag zelf terug.')
  })

  it('keeps paragraphs apart and reports no change for equal texts', () => {
    const same = diffText('Eén.\nTwee.', 'Eén.\nTwee.')
    expect(same).toEqual([{ kind: 'same', text: 'Eén.\nTwee.' }])
    expect(diffStats(same)).toEqual({ added: 0, removed: 0 })
  })

  it('counts changed words', () => {
    expect(diffStats(diffText('a b c', 'a x y c'))).toEqual({ added: 2, removed: 1 })
  })
})
