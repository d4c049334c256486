import { describe, expect, test } from 'vitest'
import { checkTone, compileFamilies, parsePatterns, tokenize, type PhraseFamilyData } from './checker.ts'

const family = (patterns: string, exceptions = ''): PhraseFamilyData => ({
  id: 'f',
  name: 'Family',
  patterns,
  exceptions,
  explanation: 'why',
  suggestion: 'instead',
})

describe('phrase checker', () => {
  test('reports the offsets of the flagged words in the original text', () => {
    const text = 'Goedemiddag. Helaas, dat is nu eenmaal ons Beleid! Fijne dag.'
    const [finding] = checkTone(text, compileFamilies([family('dat is beleid*')]))
    expect(finding).toMatchObject({ familyId: 'f', text: 'dat is nu eenmaal ons Beleid' })
    expect(text.slice(finding!.start, finding!.end)).toBe('dat is nu eenmaal ons Beleid')
  })

  test('keeps the word order but allows filler words in between, up to a limit', () => {
    const families = compileFamilies([family('daar kan niets')])
    expect(checkTone('Daar kan ik echt helemaal niets', families)).toHaveLength(1)
    expect(checkTone('Niets kan daar', families)).toHaveLength(0)
    expect(checkTone('Daar kan ik echt helemaal nooit ofte nimmer niets', families)).toHaveLength(0)
  })

  test('a ~ pattern matches its words in any order within one sentence, never across sentences', () => {
    const families = compileFamilies([family('~ ik mag dat niet')])
    expect(checkTone('Dat mag ik helaas niet.', families)).toHaveLength(1)
    expect(checkTone('Dat mag. Ik niet.', families)).toHaveLength(0)
  })

  test('prefixes, alternatives, accents and contractions', () => {
    const families = compileFamilies([family('reorgani*|fusie bezig'), family('that is policy'), family('het is druk')])
    expect(checkTone('De reorganisaties zijn bezig', families)).toHaveLength(1)
    expect(checkTone('De fusie is nog bezig', families)).toHaveLength(1)
    expect(checkTone("That's policy", families)).toHaveLength(1)
    expect(checkTone('That’s policy', families)).toHaveLength(1)
    expect(checkTone("'t Is druk", families)).toHaveLength(1)
    expect(tokenize('Één café').map((token) => token.word)).toEqual(['een', 'cafe'])
  })

  test('an exception silences the family for that sentence only', () => {
    const families = compileFamilies([family('beleid* is|zijn', 'beleid* is dat')])
    expect(checkTone('Ons beleid is dat u altijd ruilt.', families)).toHaveLength(0)
    expect(checkTone('Ons beleid is dat u altijd ruilt. Beleid is beleid.', families)).toHaveLength(1)
  })

  test('one finding per family per sentence, in text order', () => {
    const families = compileFamilies([
      { ...family('nu eenmaal'), id: 'a' },
      { ...family('ons beleid'), id: 'b' },
    ])
    const findings = checkTone('Dat is nu eenmaal ons beleid, nu eenmaal.', families)
    expect(findings.map((finding) => finding.familyId)).toEqual(['a', 'b'])
  })

  test('refuses patterns it cannot read, with the line number', () => {
    expect(parsePatterns('dat is beleid\n\nbeleid').errors).toEqual([{ line: 3, key: 'tone.errors.tooFewWords' }])
    expect(parsePatterns('dat is (beleid)').errors).toEqual([{ line: 1, key: 'tone.errors.badWord', word: '(beleid)' }])
    expect(parsePatterns('dat is be*').errors).toEqual([{ line: 1, key: 'tone.errors.shortPrefix', word: 'be*' }])
    expect(parsePatterns("that's policy").errors).toEqual([{ line: 1, key: 'tone.errors.badWord', word: "that's" }])
    expect(parsePatterns('kan||kunnen niets').errors).toEqual([
      { line: 1, key: 'tone.errors.badWord', word: 'kan||kunnen' },
    ])
  })
})

test('the underline covers every overlapping match of the family, not only the first', () => {
  const families = compileFamilies([family('dat is nu eenmaal\nnu eenmaal beleid*')])
  expect(checkTone('Helaas, dat is nu eenmaal ons beleid.', families)[0]?.text).toBe('dat is nu eenmaal ons beleid')
})

test('words that are names of object properties are just words', () => {
  const families = compileFamilies([family('constructor tostring')])
  expect(checkTone("The constructor 'constructor toString __proto__.", families)).toHaveLength(1)
})
