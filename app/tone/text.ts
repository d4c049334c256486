// The tone check's reading of a text: words (lower case, without accents, contractions read
// out), with their offsets, their sentence and clause, and whether they stand inside quotation
// marks. Shared by the phrase families (checker.ts), the context rules (context.ts) and the
// learned signal (classifier.ts).

export interface Token {
  word: string
  start: number
  end: number
  sentence: number
  /** Clauses within the sentence are separated by , : ( ) and dashes. */
  clause: number
  /** Inside quotation marks: quoted speech, not the writer's own words. */
  quoted: boolean
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

const WORD_OR_BOUNDARY = /([\p{L}\p{N}]+(?:['’][\p{L}]+)*)|([.!?;\n\u2028\u2029]+)|([,:()\u2013\u2014]|\s-\s)/gu

// A quotation: an opening mark after a space, a colon or the start, its own closing mark before a
// space, punctuation or the end, at most 300 characters on one line. The apostrophe of a clitic
// ("'s avonds", "'t is", "'k weet") or inside a word ("that's") opens or closes nothing.
const QUOTATION =
  /(?<=^|[\s:(\u2013\u2014-])(?:'(?![stkn]\b|m\b)([^'\n]{1,300}?)'|‘([^’\n]{1,300}?)’|"([^"\n]{1,300}?)"|“([^”\n]{1,300}?)”|„([^”“\n]{1,300}?)[”“]|«([^»\n]{1,300}?)»)(?=$|[\s.,;:!?)\u2013\u2014-])/giu

/** The [start, end) offsets of quoted passages, in text order. */
function quotedSpans(text: string): [number, number][] {
  if (!/['‘"“„«]/.test(text)) return []
  return [...text.matchAll(QUOTATION)].map((match) => [match.index, match.index + match[0].length])
}

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
    "d'r": ['er'],
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
  const quotes = quotedSpans(text)
  // Offsets only grow, so one pointer walks the (ordered, non-overlapping) quotations.
  let quote = 0
  const inQuote = (offset: number) => {
    while (quote < quotes.length && quotes[quote]![1] <= offset) quote++
    return quote < quotes.length && offset > quotes[quote]![0]
  }
  let sentence = 0
  let clause = 0
  for (const match of text.matchAll(WORD_OR_BOUNDARY)) {
    const start = match.index
    if (match[2] || match[3]) {
      // A full stop inside a quotation does not end the sentence that quotes it.
      if (inQuote(start)) continue
      if (match[2]) {
        sentence++
        clause = 0
      } else clause++
      continue
    }
    const end = start + match[0].length
    const quoted = inQuote(start)
    const previous = text[start - 1]
    const clitic = LEADING_CLITICS.get(normalizeWord(match[0]))
    if (clitic && (previous === "'" || previous === '’')) {
      tokens.push({ word: clitic, start: start - 1, end, sentence, clause, quoted })
      continue
    }
    for (const word of readOut(match[0])) tokens.push({ word, start, end, sentence, clause, quoted })
  }
  return tokens
}

/** The tokens grouped per sentence. */
export function sentencesOf(tokens: Token[]): Token[][] {
  const sentences: Token[][] = []
  for (const token of tokens) {
    const current = sentences[sentences.length - 1]
    if (current && current[0]!.sentence === token.sentence) current.push(token)
    else sentences.push([token])
  }
  return sentences
}

/** The sentence of the text that holds the offset (a cursor position), as written; '' if none. */
export function sentenceAt(text: string, offset: number): string {
  for (const sentence of sentencesOf(tokenize(text))) {
    const start = sentence[0]!.start
    const end = sentence[sentence.length - 1]!.end
    if (offset >= start && offset <= end + 1) return text.slice(start, end)
  }
  return ''
}
