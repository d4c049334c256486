// The tone check: finds brush-off phrasing ("dat is nu eenmaal ons beleid", "that's our policy")
// in Dutch and English text. No UI and no database here: the phrase families are data (HQ keeps
// them in the database, the defaults live in default-families.json), this module compiles their
// patterns and runs them. The editor (in the browser) and the server (on save, in overviews) use
// the same code, so the underline and the count always agree.
//
// Pattern language, one pattern per line (see the README, "Tone check"):
//   - words are matched after lower-casing and removing accents ("één" = "een");
//   - `beleid*` matches every word that starts with "beleid" (inflection: beleidsregel, regels);
//   - `kan|kun|kunnen` matches any of the alternatives;
//   - between two words of a pattern up to MAX_GAP other words may stand (filler: "helaas",
//     "echt", "nu eenmaal"), but the words keep their order;
//   - a pattern that starts with `~` matches its words in any order, anywhere in one sentence;
//   - contractions in the text are read out ("that's" = "that is", "can't" = "can not",
//     "'t" = "het"), so patterns spell them in full.
// A family flags a sentence when one of its patterns matches it and none of its exceptions
// (same syntax) does, e.g. "ons beleid is dat …" is an explanation, not a brush-off.

import { brushOffProbability, nearestExample, sentenceFeatures, type ToneModel } from './classifier.ts'
import { isAvoided, isCondition, offersAlternative } from './context.ts'
import { LEARNED_FAMILY_ID } from './learned.ts'
import { sentencesOf, tokenize, type Token } from './text.ts'

export { normalizeWord, tokenize, type Token } from './text.ts'
import { normalizeWord } from './text.ts'

/** How many other words may stand between two consecutive words of a pattern. */
export const MAX_GAP = 4

/** A phrase family as HQ maintains it. */
export interface PhraseFamilyData {
  id: string
  name: string
  /** One pattern per line. */
  patterns: string
  /** One pattern per line; a sentence that matches one of these is never flagged by the family. */
  exceptions: string
  explanation: string
  suggestion: string
}

/** One word of a pattern: its exact alternatives and its prefix alternatives (`beleid*`). */
interface PatternWord {
  exact: Set<string>
  prefixes: string[]
  /** `*beleid` matches compounds that end in the word: retourbeleid, winkelbeleid. */
  suffixes: string[]
}
interface CompiledPattern {
  words: PatternWord[]
  anyOrder: boolean
}
export interface CompiledFamily {
  family: PhraseFamilyData
  patterns: CompiledPattern[]
  exceptions: CompiledPattern[]
}

export interface PatternError {
  /** 1-based line in the field. */
  line: number
  /** i18n key of the problem. */
  key: 'tone.errors.tooFewWords' | 'tone.errors.badWord' | 'tone.errors.shortPrefix'
  word?: string
}

export interface Finding {
  familyId: string
  /** Character offsets in the checked text. */
  start: number
  end: number
  /** The flagged words as written. */
  text: string
  /** The whole sentence the finding stands in (what a writer reports as wrongly flagged). */
  sentence: string
  /** For the learned signal: the labelled brush-off the sentence is most like. */
  example?: string
  /** Flagged because HQ accepted a writer's report of this very sentence. */
  reported?: boolean
}

const WORD_SYNTAX = /^(?:\*?[\p{L}\p{N}]+|[\p{L}\p{N}]+\*)$/u

function parsePattern(line: string, lineNumber: number): CompiledPattern | PatternError {
  let source = line.trim()
  const anyOrder = source.startsWith('~')
  if (anyOrder) source = source.slice(1).trim()
  const words: PatternWord[] = []
  for (const part of source.split(/\s+/)) {
    const word: PatternWord = { exact: new Set(), prefixes: [], suffixes: [] }
    for (const option of part.split('|')) {
      const normalized = normalizeWord(option)
      if (!WORD_SYNTAX.test(normalized)) return { line: lineNumber, key: 'tone.errors.badWord', word: option || part }
      if (normalized.startsWith('*')) {
        const suffix = normalized.slice(1)
        if (suffix.length < 4) return { line: lineNumber, key: 'tone.errors.shortPrefix', word: option }
        word.suffixes.push(suffix)
        continue
      }
      if (!normalized.endsWith('*')) {
        word.exact.add(normalized)
        continue
      }
      const prefix = normalized.slice(0, -1)
      if (prefix.length < 3) return { line: lineNumber, key: 'tone.errors.shortPrefix', word: option }
      word.prefixes.push(prefix)
    }
    words.push(word)
  }
  if (words.length < 2) return { line: lineNumber, key: 'tone.errors.tooFewWords' }
  return { words, anyOrder }
}

/** Parses a field of patterns (one per line; blank lines are skipped). */
export function parsePatterns(field: string): { patterns: CompiledPattern[]; errors: PatternError[] } {
  const patterns: CompiledPattern[] = []
  const errors: PatternError[] = []
  field.split(/\r?\n/).forEach((line, index) => {
    if (!line.trim()) return
    const parsed = parsePattern(line, index + 1)
    if ('key' in parsed) errors.push(parsed)
    else patterns.push(parsed)
  })
  return { patterns, errors }
}

/** Compiles families for checking; a line with a syntax error is left out (the admin form refuses it). */
export function compileFamilies(families: PhraseFamilyData[]): CompiledFamily[] {
  return families.map((family) => ({
    family,
    patterns: parsePatterns(family.patterns).patterns,
    exceptions: parsePatterns(family.exceptions).patterns,
  }))
}

function wordMatches(patternWord: PatternWord, word: string): boolean {
  return (
    patternWord.exact.has(word) ||
    patternWord.prefixes.some((prefix) => word.startsWith(prefix)) ||
    patternWord.suffixes.some((suffix) => word.endsWith(suffix))
  )
}

/** Quick refusal: a pattern can only match a sentence that holds each of its words somewhere. */
function mayMatch(pattern: CompiledPattern, sentence: Token[], words: Set<string>): boolean {
  return pattern.words.every(
    (patternWord) =>
      [...patternWord.exact].some((word) => words.has(word)) ||
      ((patternWord.prefixes.length > 0 || patternWord.suffixes.length > 0) &&
        sentence.some((token) => wordMatches(patternWord, token.word))),
  )
}

/** First match of the pattern in one sentence, as token indexes [first, last]. */
function matchPattern(pattern: CompiledPattern, sentence: Token[], words: Set<string>): [number, number] | null {
  if (!mayMatch(pattern, sentence, words)) return null
  if (pattern.anyOrder) {
    let first = Infinity
    let last = -1
    for (const patternWord of pattern.words) {
      const index = sentence.findIndex((token) => wordMatches(patternWord, token.word))
      if (index < 0) return null
      first = Math.min(first, index)
      last = Math.max(last, index)
    }
    return [first, last]
  }
  const follow = (wordIndex: number, tokenIndex: number): number => {
    if (wordIndex === pattern.words.length) return tokenIndex - 1
    const limit = Math.min(sentence.length, tokenIndex + MAX_GAP + 1)
    for (let i = tokenIndex; i < limit; i++) {
      if (!wordMatches(pattern.words[wordIndex]!, sentence[i]!.word)) continue
      const end = follow(wordIndex + 1, i + 1)
      if (end >= 0) return end
    }
    return -1
  }
  for (let start = 0; start < sentence.length; start++) {
    if (!wordMatches(pattern.words[0]!, sentence[start]!.word)) continue
    const end = follow(1, start + 1)
    if (end >= 0) return [start, end]
  }
  return null
}

export { LEARNED_FAMILY_ID }
/** The learned signal judges sentences of at least this many words. */
export const LEARNED_MIN_WORDS = 4

/**
 * Sentences HQ decided on from writers' reports, as sentenceKey fingerprints: the editor of every
 * region receives them, so they must not carry another region's words.
 */
export interface ToneOverrides {
  /** Reported as wrongly flagged, accepted: never flagged. */
  pass: string[]
  /** Reported as missed, accepted: always flagged (as the learned signal). */
  flag: string[]
}

export interface ToneCheckOptions {
  /** The learned second signal; without it only the phrase families check. */
  model?: ToneModel | null
  overrides?: ToneOverrides | null
}

/** What the editor checks with: the enabled families and HQ's decided sentences (the model is static). */
export interface ToneSettings {
  families: PhraseFamilyData[]
  overrides: ToneOverrides
}

/** A sentence as the check reads it (words only), to recognise it whatever its case or commas. */
function sentenceKeyOf(words: string[]): string {
  // Two FNV-1a hashes with different offsets: 64 bits, so two sentences never share a key in practice.
  const text = words.join(' ')
  let a = 0x811c9dc5
  let b = 0x01000193 ^ text.length
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    a = Math.imul(a ^ code, 0x01000193)
    b = Math.imul(b ^ code, 0x5bd1e995)
  }
  return (a >>> 0).toString(36) + (b >>> 0).toString(36)
}

/** The fingerprint of a sentence that HQ decided on (see ToneOverrides). */
export function sentenceKey(text: string): string {
  return sentenceKeyOf(tokenize(text).map((token) => token.word))
}

const overrideSets = new WeakMap<ToneOverrides, { pass: Set<string>; flag: Set<string> }>()
function setsOf(overrides: ToneOverrides) {
  let sets = overrideSets.get(overrides)
  if (!sets) {
    sets = { pass: new Set(overrides.pass), flag: new Set(overrides.flag) }
    overrideSets.set(overrides, sets)
  }
  return sets
}

interface RawMatch {
  family: CompiledFamily
  first: number
  last: number
}

function familyMatches(sentence: Token[], families: CompiledFamily[]): RawMatch[] {
  const words = new Set(sentence.map((token) => token.word))
  const matches: RawMatch[] = []
  for (const family of families) {
    const { patterns, exceptions } = family
    if (!patterns.length) continue
    // The earliest match, widened by the family's other matches that overlap it, so the
    // underline covers "dat is nu eenmaal ons beleid" and not only "dat is nu eenmaal".
    const found = patterns
      .map((pattern) => matchPattern(pattern, sentence, words))
      .filter((match) => match !== null)
      .sort((a, b) => a[0] - b[0])
    let best = found[0]
    if (!best || exceptions.some((exception) => matchPattern(exception, sentence, words))) continue
    for (const [start, end] of found) if (start <= best[1]) best = [best[0], Math.max(best[1], end)]
    matches.push({ family, first: best[0], last: best[1] })
  }
  return matches
}

function learnedProbability(model: ToneModel, sentences: Token[][], index: number) {
  const sentence = sentences[index]!
  const vector = sentenceFeatures(sentence, model.data.buckets)
  let probability = brushOffProbability(model, vector)
  // The sentences around it can make a no an honest one ("Dat kan niet. Ik bel u morgen terug.")
  // or a fragment harmless ("Twee minuutjes."): the sentence must read as a brush-off in its
  // context too.
  const window = sentences.slice(Math.max(0, index - 1), index + 2)
  if (window.length > 1 && probability >= model.data.threshold) {
    probability = Math.min(probability, brushOffProbability(model, sentenceFeatures(window.flat(), model.data.buckets)))
  }
  return { probability, vector }
}

/**
 * Every brush-off in the text: at most one finding per family per sentence, in text order. A
 * family's words do not count when the sentence says to avoid them, when they only describe the
 * situation of a condition, or when the speaker goes on to say what they will do. With a model,
 * a sentence no family flags is flagged when the model finds it like the labelled brush-offs.
 */
export function checkTone(text: string, families: CompiledFamily[], options: ToneCheckOptions = {}): Finding[] {
  const model = options.model
  const overrides = options.overrides ? setsOf(options.overrides) : null
  if ((!families.length && !model) || !text) return []
  const findings: Finding[] = []
  const sentences = sentencesOf(tokenize(text))
  sentences.forEach((sentence, index) => {
    const next = sentences[index + 1]
    const sentenceStart = sentence[0]!.start
    const sentenceEnd = sentence[sentence.length - 1]!.end
    const sentenceText = text.slice(sentenceStart, sentenceEnd)
    // The learned signal's finding covers the whole sentence.
    const learned = (extra: Pick<Finding, 'example' | 'reported'>) =>
      findings.push({
        familyId: LEARNED_FAMILY_ID,
        start: sentenceStart,
        end: sentenceEnd,
        text: sentenceText,
        sentence: sentenceText,
        ...extra,
      })
    if (overrides) {
      const key = sentenceKeyOf(sentence.map((token) => token.word))
      if (overrides.pass.has(key)) return
      if (overrides.flag.has(key)) {
        learned({ reported: true })
        return
      }
    }
    const matches = familyMatches(sentence, families)
    const taken: [number, number][] = []
    for (const { family, first, last } of matches) {
      if (isAvoided(sentence, first, last) || isCondition(sentence, first, last)) continue
      if (offersAlternative(sentence, last, next)) continue
      // Two families on the same words are one finding (the first family explains it).
      if (taken.some(([a, b]) => first <= b && last >= a)) continue
      taken.push([first, last])
      const start = sentence[first]!.start
      const end = sentence[last]!.end
      findings.push({ familyId: family.family.id, start, end, text: text.slice(start, end), sentence: sentenceText })
    }
    // Headings and fragments ("Klantenkaart vergeten?") are too short to judge by resemblance.
    if (taken.length || !model || sentence.length < LEARNED_MIN_WORDS) return
    const { probability, vector } = learnedProbability(model, sentences, index)
    if (probability >= model.data.threshold) learned({ example: nearestExample(model, vector) })
  })
  return findings.sort((a, b) => a.start - b.start || a.end - b.end)
}
