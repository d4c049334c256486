// How a search box's text becomes what the handbook search looks for, before the database is
// asked. Pure functions, no framework: the words of the question, people's words mapped onto the
// rule's words (synonym groups HQ maintains), question and filler words set aside, compounds
// joined or split, and — once the vocabulary has answered — typo corrections.
//
// The result is a list of *concepts*: one thing the asker means ("geld terug", "bon"), each with
// alternatives a guideline may use for it. The database ranks a guideline by which and how many
// concepts it contains (rare ones count more), in its title more, close together more
// (app/models/search.server.ts).
import { DUTCH_STOPWORDS } from './stopwords.ts'

/** At most this many words of a query are looked at (a pasted paragraph is not a search). */
export const MAX_QUERY_WORDS = 12
const MAX_WORD_LENGTH = 40
/** A prefix of the word being typed is only searched from this length on. */
const MIN_PREFIX = 3

/** Lower-case words of letters and digits: user input never reaches tsquery syntax. */
export function queryWords(query: string): string[] {
  return (
    query
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  )
    .filter((w) => w.length <= MAX_WORD_LENGTH)
    .slice(0, MAX_QUERY_WORDS)
}

/** The words of a query, normalised, as the no-result log keeps them ("Geld terug?" → "geld terug"). */
export function normalisedQuery(query: string): string {
  return queryWords(query).join(' ').slice(0, 100)
}

export type SynonymGroup = { key: string; terms: string[] }

/** Synonym groups and filler words, prepared once per change of the data. */
export type Lexicon = {
  /** Per first word: the group terms starting with it, longest first. */
  byFirstWord: Map<string, { words: string[]; group: number }[]>
  groups: string[][][]
  fillers: Set<string>
}

export function buildLexicon(groups: SynonymGroup[], fillers: readonly string[]): Lexicon {
  const byFirstWord: Lexicon['byFirstWord'] = new Map()
  const prepared: string[][][] = []
  groups.forEach((group, index) => {
    const terms = group.terms.map((term) => queryWords(term)).filter((words) => words.length > 0)
    prepared.push(terms)
    for (const words of terms) {
      const key = stemKey(words[0]!)
      const list = byFirstWord.get(key) ?? []
      list.push({ words, group: index })
      byFirstWord.set(key, list)
    }
  })
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length)
  return { byFirstWord, groups: prepared, fillers: new Set(fillers.flatMap((f) => queryWords(f))) }
}

/**
 * A rough Dutch stem for matching the asker's words against group terms (the database stems the
 * guideline text itself): plural and diminutive endings off, so "bonnetje", "bonnen" and "bon"
 * meet, and "klachten" meets "klacht".
 */
export function stemKey(word: string): string {
  if (word.length <= 4) return word
  const stripped = word
    .replace(/(etjes|etje|tjes|tje|jes|je)$/, '')
    .replace(/(en|es|s|e)$/, '')
    .replace(/(.)\1$/, '$1')
  return stripped.length >= 3 ? stripped : word
}

function sameWord(asked: string, term: string): boolean {
  return asked === term || (asked.length > 3 && term.length > 3 && stemKey(asked) === stemKey(term))
}

/** One alternative: a word, or words that must follow each other (a phrase), or all of some words (a split compound). */
export type Alternative = { words: string[]; join: 'phrase' | 'all'; prefix?: boolean }

export type Concept = {
  /** What the asker typed for it. */
  source: string[]
  /** The asker's own words and their synonyms: a full match. */
  main: Alternative[]
  /** Compounds, splits and typo corrections: a weaker match. */
  weak: Alternative[]
  /** Whether it is made of question or filler words only (kept only when nothing else is asked). */
  filler: boolean
  /** A known counter topic (a synonym group matched) counts more than a loose word. */
  topic?: boolean
}

export type Analysis = {
  words: string[]
  concepts: Concept[]
  /** Words the vocabulary is asked about: exact forms, compound candidates, typo candidates. */
  lookups: { exact: string[]; parts: string[]; typos: string[] }
}

const single = (word: string, prefix = false): Alternative => ({ words: [word], join: 'phrase', prefix })

/**
 * Whether a term can be searched for in a text: a phrase of stop words alone would match anything
 * or nothing. Stop words inside a phrase are left to PostgreSQL, which keeps their distance
 * ("te veel betaald" → betaald).
 */
function searchable(words: string[]): boolean {
  return words.some((w) => !DUTCH_STOPWORDS.has(w))
}

/**
 * The first step: words, synonym phrases, fillers, and which words the vocabulary should be asked
 * about. `typing` says the last word may be incomplete (search as you type).
 */
export function analyseQuery(query: string, lexicon: Lexicon, typing = false): Analysis {
  const words = queryWords(query)
  const concepts: Concept[] = []
  for (let i = 0; i < words.length;) {
    const match = longestTerm(words, i, lexicon)
    if (match) {
      const source = words.slice(i, i + match.length)
      const main = dedupe(
        match.groups
          .flatMap((g) => lexicon.groups[g]!)
          .filter(searchable)
          .map((w) => ({ words: w, join: 'phrase' as const })),
      )
      // The asker's own words always count, even when the group lists them in another form.
      if (searchable(source)) main.unshift({ words: source, join: 'phrase' })
      concepts.push({ source, main: dedupe(main), weak: [], filler: false, topic: true })
      i += match.length
      continue
    }
    const word = words[i]!
    const last = i === words.length - 1
    concepts.push({
      source: [word],
      main: [single(word, typing && last && word.length >= MIN_PREFIX)],
      weak: [],
      filler:
        lexicon.fillers.has(word) || DUTCH_STOPWORDS.has(word) || (/^\p{N}+$/u.test(word) === false && word.length < 2),
    })
    i++
  }
  const meaningful = concepts.some((c) => !c.filler)
  const kept = meaningful ? concepts.filter((c) => !c.filler) : concepts

  const exact = new Set<string>()
  const parts = new Set<string>()
  const typos = new Set<string>()
  for (const [index, concept] of kept.entries()) {
    if (concept.source.length !== 1) continue
    const word = concept.source[0]!
    exact.add(word)
    if (word.length >= 3) parts.add(word)
    if (word.length >= 4) typos.add(word)
    for (const [a, b] of splits(word)) exact.add(a).add(b)
    const next = kept[index + 1]
    if (next?.source.length === 1) for (const joined of joins(word, next.source[0]!)) exact.add(joined)
  }
  return { words, concepts: kept, lookups: { exact: [...exact], parts: [...parts], typos: [...typos] } }
}

/**
 * The longest group term that starts at words[i], and every group it belongs to; `length` is how
 * many of the asked words it takes. Stop words the asker put between a term's words are skipped
 * ("terug te brengen" is the term "terug brengen").
 */
function longestTerm(words: string[], i: number, lexicon: Lexicon): { length: number; groups: number[] } | null {
  const candidates = lexicon.byFirstWord.get(stemKey(words[i]!))
  if (!candidates) return null
  let best: { length: number; terms: number; groups: number[] } | null = null
  for (const { words: term, group } of candidates) {
    if (best && term.length < best.terms) break
    const length = matchAt(words, i, term)
    if (!length) continue
    if (best && best.terms === term.length) {
      best.groups.push(group)
      best.length = Math.max(best.length, length)
    } else best = { length, terms: term.length, groups: [group] }
  }
  return best && { length: best.length, groups: best.groups }
}

/** How many asked words from i the term takes (0: it does not match there). */
function matchAt(words: string[], i: number, term: string[]): number {
  let at = i
  for (const [k, t] of term.entries()) {
    if (k > 0)
      while (at < words.length && words[at] !== t && DUTCH_STOPWORDS.has(words[at]!) && !DUTCH_STOPWORDS.has(t)) at++
    if (at >= words.length || !sameWord(words[at]!, t)) return 0
    at++
  }
  return at - i
}

const LINKS = ['', 's', 'en', 'e']

/** Ways a compound may split into two words of three letters or more ("retourbon" → retour + bon, "klantenservice" → klant + service). */
export function splits(word: string): [string, string][] {
  const out: [string, string][] = []
  if (word.length < 6) return out
  for (let i = 3; i <= word.length - 3; i++) {
    const head = word.slice(0, i)
    const tail = word.slice(i)
    out.push([head, tail])
    for (const link of LINKS.slice(1)) {
      if (head.length > link.length + 3 && head.endsWith(link)) out.push([head.slice(0, -link.length), tail])
    }
  }
  return out
}

/** Two words written as one ("cadeau kaart" → "cadeaukaart", "klant service" → "klantenservice"). */
export function joins(a: string, b: string): string[] {
  if (a.length < 3 || b.length < 3) return []
  return LINKS.map((link) => a + link + b)
}

/** What the vocabulary of published words answered. */
export type Vocabulary = {
  /** Words that occur in published text (from `lookups.exact`). */
  known: Set<string>
  /** Per asked word: published compounds that begin or end with it. */
  compounds: Map<string, string[]>
  /** Per asked word not in the vocabulary: the published words it most resembles. */
  corrections: Map<string, string[]>
}

/**
 * The second step: with the vocabulary's answers, each word gets its weaker alternatives
 * (compounds containing it, its split, a correction of a typo), and two words written apart are
 * joined into one concept when the compound exists.
 */
export function completeConcepts(analysis: Analysis, vocabulary: Vocabulary, lexicon: Lexicon): Concept[] {
  const out: Concept[] = []
  const concepts = analysis.concepts
  for (let i = 0; i < concepts.length; i++) {
    const concept = concepts[i]!
    const next = concepts[i + 1]
    if (concept.source.length === 1 && next?.source.length === 1) {
      const joined = joins(concept.source[0]!, next.source[0]!).find((j) => vocabulary.known.has(j))
      if (joined) {
        out.push({
          source: [...concept.source, ...next.source],
          main: [single(joined), { words: [...concept.source, ...next.source], join: 'phrase' }],
          weak: [],
          filler: false,
        })
        i++
        continue
      }
    }
    if (concept.source.length !== 1) {
      out.push(concept)
      continue
    }
    const word = concept.source[0]!
    const weak: Alternative[] = []
    for (const compound of vocabulary.compounds.get(word) ?? []) weak.push(single(compound))
    if (!vocabulary.known.has(word)) {
      const split = splits(word).find(([a, b]) => vocabulary.known.has(a) && vocabulary.known.has(b))
      if (split) weak.push({ words: split, join: 'all' })
      const corrections = vocabulary.corrections.get(word) ?? []
      for (const correction of corrections) weak.push(single(correction))
      // A corrected word may be one of people's words: "retuor" → "retour" → its whole group.
      for (const correction of corrections) {
        const group = longestTerm([correction], 0, lexicon)
        if (group?.length === 1)
          for (const g of group.groups)
            for (const term of lexicon.groups[g]!) if (searchable(term)) weak.push({ words: term, join: 'phrase' })
      }
    }
    out.push({ ...concept, weak: dedupe(weak).filter((alt) => !concept.main.some((m) => sameAlternative(m, alt))) })
  }
  return out
}

function sameAlternative(a: Alternative, b: Alternative) {
  return a.join === b.join && a.words.join(' ') === b.words.join(' ')
}

function dedupe(alternatives: Alternative[]): Alternative[] {
  const seen = new Set<string>()
  return alternatives.filter((alt) => {
    const key = `${alt.join}:${alt.prefix ? '*' : ''}${alt.words.join(' ')}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/**
 * An alternative as PostgreSQL tsquery text, limited to some weights (A = title, C = principle
 * title, D = text). Words are letters and digits only, so nothing here is query syntax from the user.
 */
export function tsqueryOf(alternatives: Alternative[], weights: string): string {
  return alternatives
    .map((alt) => {
      const suffix = `${alt.prefix ? '*' : ''}${weights}`
      // Stop words stay inside a phrase (PostgreSQL drops them, keeping the distance), not alone.
      const words =
        alt.join === 'phrase' && alt.words.length > 1 ? alt.words : alt.words.filter((w) => !DUTCH_STOPWORDS.has(w))
      if (!words.some((w) => !DUTCH_STOPWORDS.has(w))) return ''
      const operands = words.map((w) => (suffix ? `${w}:${suffix}` : w))
      return operands.length === 1 ? operands[0] : `(${operands.join(alt.join === 'all' ? ' & ' : ' <-> ')})`
    })
    .filter(Boolean)
    .join(' | ')
}
