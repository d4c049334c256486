// The tone check on sentences it never learned from: the test part of the corpus
// (app/tone/corpus/test.json), written by other writers than the development part and never used
// to shape patterns or train the model. Prints precision, recall and F1 overall and per style,
// and keeps them there. Run it alone with `npx vitest run tone`.
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { compileFamilies, parsePatterns } from './checker.ts'
import { DEFAULT_PHRASE_FAMILIES } from './default-families.ts'
import { defaultToneModel, TONE_MODEL_DATA } from './default-model.ts'
import { corpusDigest, evaluate, formatScores, type LabelledSentence } from './train.ts'

const read = (name: string) =>
  JSON.parse(readFileSync(new URL(`corpus/${name}`, import.meta.url), 'utf8')) as LabelledSentence[]
const dev = read('dev.json')
const testPart = read('test.json')
const accepted = read('accepted.json')
const families = compileFamilies(DEFAULT_PHRASE_FAMILIES.map((family) => ({ ...family, id: family.key })))

describe('the tone check on the test part of the corpus', () => {
  const result = evaluate(testPart, families, defaultToneModel())
  const familiesOnly = evaluate(testPart, families, null)

  test('precision ≥ 0.9 and recall ≥ 0.85 overall; no style far behind', () => {
    console.info(
      [
        `tone check, test part: ${testPart.length} sentences (${testPart.filter((s) => s.label === 'afpoeier').length} brush-offs); learned from ${TONE_MODEL_DATA.trainedOn.sentences} development sentences`,
        formatScores('phrase families + learned signal:', result),
        formatScores('phrase families alone:', familiesOnly),
      ].join('\n'),
    )
    expect(result.overall.precision).toBeGreaterThanOrEqual(0.9)
    expect(result.overall.recall).toBeGreaterThanOrEqual(0.85)
    for (const [style, scores] of Object.entries(result.byStyle)) {
      expect(scores.precision, style).toBeGreaterThanOrEqual(0.75)
      expect(scores.recall, style).toBeGreaterThanOrEqual(0.75)
    }
    // The learned signal earns its place: it adds recall the families alone do not have.
    expect(result.overall.recall).toBeGreaterThan(familiesOnly.overall.recall + 0.2)
  })

  test('the corpus can show generalization: 600+ sentences, styles balanced, parts apart', () => {
    expect(dev.length + testPart.length).toBeGreaterThanOrEqual(600)
    const styles = new Set(testPart.map((sample) => sample.style))
    expect(styles.size).toBeGreaterThanOrEqual(6)
    for (const style of styles) {
      const inStyle = testPart.filter((sample) => sample.style === style)
      const brushOffs = inStyle.filter((sample) => sample.label === 'afpoeier').length
      expect(Math.abs(brushOffs / inStyle.length - 0.5), style).toBeLessThan(0.1)
    }
    const learned = new Set(dev.map((sample) => sample.text))
    expect(testPart.filter((sample) => learned.has(sample.text))).toEqual([])
  })

  test('the shipped model was trained on the current corpus (npm run tone:train)', () => {
    expect(TONE_MODEL_DATA.trainedOn.digest).toBe(corpusDigest([...dev, ...accepted]))
  })

  test('every default family is valid in the admin form', () => {
    for (const family of DEFAULT_PHRASE_FAMILIES) {
      expect(parsePatterns(family.patterns).errors, family.key).toEqual([])
      expect(parsePatterns(family.exceptions).errors, family.key).toEqual([])
    }
  })
})
