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
}

interface Token {
  word: string
  start: number
  end: number
  sentence: number
}

/** Lower case without accents, so "Één" and "een" are the same word. */
const ASCII = /^[\x00-\x7f]*$/

export function normalizeWord(word: string): string {
  if (ASCII.test(word)) return word.toLowerCase()
  return word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
}

const WORD_OR_BOUNDARY = /([\p{L}\p{N}]+(?:['’][\p{L}]+)*)|([.!?;\n\u2028\u2029]+)/gu

// Contractions read out into the words a pattern spells. Checked on the whole token first.
const WHOLE_CONTRACTIONS = new Map<string, string[]>(
  Object.entries({
    "can't": ['can', 'not'],
    "won't": ['will', 'not'],
    "shan't": ['shall', 'not'],
    cannot: ['can', 'not'],
    "da's": ['dat', 'is'],
    "m'n": ['mijn'],
    "z'n": ['zijn'],
    "d'r": ['haar'],
  }),
)
const SUFFIX_CONTRACTIONS: [string, string][] = [
  ["n't", 'not'],
  ["'s", 'is'],
  ["'m", 'am'],
  ["'re", 'are'],
  ["'ll", 'will'],
  ["'ve", 'have'],
  ["'d", 'would'],
]
// Dutch clitics written as a separate token after an apostrophe: 't, 'k, 'n.
const LEADING_CLITICS = new Map([
  ['t', 'het'],
  ['k', 'ik'],
  ['n', 'een'],
])

function readOut(raw: string): string[] {
  const word = normalizeWord(raw).replace(/’/g, "'")
  const whole = WHOLE_CONTRACTIONS.get(word)
  if (whole) return whole
  if (!word.includes("'")) return [word]
  for (const [suffix, full] of SUFFIX_CONTRACTIONS) {
    if (word.length > suffix.length && word.endsWith(suffix)) return [word.slice(0, -suffix.length), full]
  }
  return word.split("'").filter(Boolean)
}

/** The text as words with their offsets, numbered by sentence. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let sentence = 0
  for (const match of text.matchAll(WORD_OR_BOUNDARY)) {
    if (match[2]) {
      sentence++
      continue
    }
    const start = match.index
    const end = start + match[0].length
    const previous = text[start - 1]
    const clitic = LEADING_CLITICS.get(normalizeWord(match[0]))
    if (clitic && (previous === "'" || previous === '’')) {
      tokens.push({ word: clitic, start: start - 1, end, sentence })
      continue
    }
    for (const word of readOut(match[0])) tokens.push({ word, start, end, sentence })
  }
  return tokens
}

const WORD_SYNTAX = /^[\p{L}\p{N}]+\*?$/u

function parsePattern(line: string, lineNumber: number): CompiledPattern | PatternError {
  let source = line.trim()
  const anyOrder = source.startsWith('~')
  if (anyOrder) source = source.slice(1).trim()
  const words: PatternWord[] = []
  for (const part of source.split(/\s+/)) {
    const word: PatternWord = { exact: new Set(), prefixes: [] }
    for (const option of part.split('|')) {
      const normalized = normalizeWord(option)
      if (!WORD_SYNTAX.test(normalized)) return { line: lineNumber, key: 'tone.errors.badWord', word: option || part }
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
  return patternWord.exact.has(word) || patternWord.prefixes.some((prefix) => word.startsWith(prefix))
}

/** Quick refusal: a pattern can only match a sentence that holds each of its words somewhere. */
function mayMatch(pattern: CompiledPattern, sentence: Token[], words: Set<string>): boolean {
  return pattern.words.every(
    (patternWord) =>
      [...patternWord.exact].some((word) => words.has(word)) ||
      (patternWord.prefixes.length > 0 && sentence.some((token) => wordMatches(patternWord, token.word))),
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

function sentencesOf(tokens: Token[]): Token[][] {
  const sentences: Token[][] = []
  for (const token of tokens) {
    const current = sentences[sentences.length - 1]
    if (current && current[0]!.sentence === token.sentence) current.push(token)
    else sentences.push([token])
  }
  return sentences
}

/** Every brush-off in the text: at most one finding per family per sentence, in text order. */
export function checkTone(text: string, families: CompiledFamily[]): Finding[] {
  if (!families.length || !text) return []
  const findings: Finding[] = []
  for (const sentence of sentencesOf(tokenize(text))) {
    const words = new Set(sentence.map((token) => token.word))
    for (const { family, patterns, exceptions } of families) {
      if (!patterns.length) continue
      // The earliest match, widened by the family's other matches that overlap it, so the
      // underline covers "dat is nu eenmaal ons beleid" and not only "dat is nu eenmaal".
      const matches = patterns
        .map((pattern) => matchPattern(pattern, sentence, words))
        .filter((match) => match !== null)
        .sort((a, b) => a[0] - b[0])
      let best = matches[0]
      if (!best || exceptions.some((exception) => matchPattern(exception, sentence, words))) continue
      for (const [start, end] of matches) if (start <= best[1]) best = [best[0], Math.max(best[1], end)]
      const start = sentence[best[0]]!.start
      const end = sentence[best[1]]!.end
      findings.push({ familyId: family.id, start, end, text: text.slice(start, end) })
    }
  }
  return findings.sort((a, b) => a.start - b.start || a.end - b.end)
}
