import { describe, expect, it } from 'vitest'
import { analyseQuery, buildLexicon, completeConcepts, splits, stemKey, tsqueryOf } from './query.ts'

const lexicon = buildLexicon(
  [
    { key: 'terugbetalen', terms: ['terugbetaling', 'geld terug', 'refund'] },
    { key: 'kapot', terms: ['kapot', 'defect', 'werkt niet'] },
    { key: 'bon', terms: ['kassabon', 'bonnetje', 'aankoopbewijs'] },
  ],
  ['hoe', 'wat', 'mag', 'ik', 'klant', 'wil'],
)
const none = { known: new Set<string>(), compounds: new Map(), corrections: new Map() }

describe('query analysis', () => {
  it('maps a phrase of people’s words onto its group and sets filler words aside', () => {
    const { concepts } = analyseQuery('Klant wil geld terug, mag dat?', lexicon)
    expect(concepts.map((c) => c.source.join(' '))).toEqual(['geld terug'])
    expect(concepts[0]!.main.map((a) => a.words.join(' '))).toEqual(['geld terug', 'terugbetaling', 'refund'])
  })

  it('matches inflected and diminutive forms of group terms ("bonnetjes" → bon group)', () => {
    expect(stemKey('bonnetjes')).toBe(stemKey('bonnetje'))
    const { concepts } = analyseQuery('bonnetjes', lexicon)
    expect(concepts[0]!.main.map((a) => a.words.join(' '))).toContain('aankoopbewijs')
  })

  it('keeps filler words when nothing else is asked, and never passes a phrase of stop words alone to the database', () => {
    expect(analyseQuery('wat mag ik', lexicon).concepts.map((c) => c.source[0])).toEqual(['wat', 'mag', 'ik'])
    const broken = analyseQuery('het werkt niet', lexicon).concepts[0]!
    expect(tsqueryOf(broken.main, 'AD')).toBe('(werkt:AD <-> niet:AD) | kapot:AD | defect:AD')
    expect(tsqueryOf([{ words: ['het', 'niet'], join: 'phrase' }], 'AD')).toBe('')
  })

  it('joins two words written apart when the compound is published, and splits a compound into published words', () => {
    const apart = analyseQuery('cadeau kaart', lexicon)
    expect(apart.lookups.exact).toContain('cadeaukaart')
    const joined = completeConcepts(apart, { ...none, known: new Set(['cadeaukaart']) }, lexicon)
    expect(joined).toHaveLength(1)
    expect(tsqueryOf(joined[0]!.main, '')).toBe('cadeaukaart | (cadeau <-> kaart)')

    expect(splits('retourbon')).toContainEqual(['retour', 'bon'])
    expect(splits('klantenservice')).toContainEqual(['klant', 'service'])
    const split = completeConcepts(
      analyseQuery('retourbon', lexicon),
      { ...none, known: new Set(['retour', 'bon']) },
      lexicon,
    )
    expect(tsqueryOf(split[0]!.weak, '')).toBe('(retour & bon)')
  })

  it('widens a corrected typo to the group of the word it meant', () => {
    const analysis = analyseQuery('defekt', lexicon)
    const [concept] = completeConcepts(analysis, { ...none, corrections: new Map([['defekt', ['defect']]]) }, lexicon)
    expect(concept!.weak.map((a) => a.words.join(' '))).toEqual(expect.arrayContaining(['defect', 'kapot']))
  })

  it('turns input into words only: no query syntax reaches the database', () => {
    const { concepts } = analyseQuery("klacht' & !:* | (", lexicon)
    expect(
      tsqueryOf(
        concepts.flatMap((c) => c.main),
        'A',
      ),
    ).toBe('klacht:A')
  })

  it('searches the word being typed as a prefix only while typing', () => {
    expect(tsqueryOf(analyseQuery('kassab', lexicon, true).concepts[0]!.main, 'AD')).toBe('kassab:*AD')
    expect(tsqueryOf(analyseQuery('kassab', lexicon).concepts[0]!.main, 'AD')).toBe('kassab:AD')
  })
})
