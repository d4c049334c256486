// The tone check's learned second signal: a logistic regression over word and character n-grams,
// trained from the labelled corpus (tests/tone/dev.json plus the reports HQ accepted) by
// `npm run tone:train` (app/tone/train.ts), which writes app/tone/model.json. It catches
// paraphrases the phrase families miss ("Daar ben ik niet bevoegd voor.") and shows the nearest
// labelled brush-off as its explanation. Pure code: the editor in the browser and the server run
// the same model, so the underline and the count agree. No network, no dependencies.
import { contextFeatures } from './context.ts'
import { tokenize, type Token } from './text.ts'

/** The model as stored in model.json. */
export interface ToneModelData {
  version: 1
  /** Number of hash buckets (a power of two). */
  buckets: number
  bias: number
  /** Weights per bucket, int8 two's complement, base64; weight = byte × scale. */
  weights: string
  scale: number
  /** A sentence scoring at or above this probability is flagged. */
  threshold: number
  /** The labelled brush-offs the model learned from; the nearest one explains a finding. */
  examples: string[]
  /** What the model was trained on, for the tone page. */
  trainedOn: { sentences: number; brushOffs: number; digest: string }
}

export interface ToneModel {
  data: ToneModelData
  weights: Float32Array
  /** The examples' feature vectors as an inverted index (bucket → examples, values), made on first use. */
  exampleIndex?: Map<number, { examples: number[]; values: number[] }>
}

// FNV-1a, 32 bit: the same bucket for the same feature in every JavaScript engine.
function hash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** The features of one sentence, as hashed bucket → value (the vector has unit length). */
export function sentenceFeatures(tokens: Token[], buckets: number): Map<number, number> {
  const vector = new Map<number, number>()
  const mask = buckets - 1
  const add = (name: string, weight: number) => {
    const bucket = hash(name) & mask
    vector.set(bucket, (vector.get(bucket) ?? 0) + weight)
  }
  let previous = '<s>'
  for (const token of tokens) {
    // Words inside quotation marks are quoted speech ("zeg nooit 'dat is beleid'"), not the
    // writer's own words, so they are features of their own.
    const word = token.quoted ? `"${token.word}` : token.word
    add(`w:${word}`, FEATURE_WEIGHTS.word)
    add(`b:${previous} ${word}`, FEATURE_WEIGHTS.word)
    previous = word
    if (token.quoted) continue
    const padded = `_${token.word}_`
    for (let n = 3; n <= 4; n++) {
      for (let i = 0; i + n <= padded.length; i++) add(`c:${padded.slice(i, i + n)}`, FEATURE_WEIGHTS.char)
    }
  }
  add(`b:${previous} </s>`, FEATURE_WEIGHTS.word)
  for (const cue of contextFeatures(tokens)) add(cue, FEATURE_WEIGHTS.context)
  let norm = 0
  for (const value of vector.values()) norm += value * value
  norm = Math.sqrt(norm) || 1
  for (const [bucket, value] of vector) vector.set(bucket, value / norm)
  return vector
}

/**
 * How much each kind of feature counts before the vector is normalised: words and word pairs
 * carry the meaning, character n-grams catch inflections and typos (chosen by cross-validation
 * on the development part).
 */
const FEATURE_WEIGHTS = { word: 3, char: 1, context: 2 }

function decodeWeights(data: ToneModelData): Float32Array {
  const bytes =
    typeof atob === 'function'
      ? Uint8Array.from(atob(data.weights), (char) => char.charCodeAt(0))
      : new Uint8Array(Buffer.from(data.weights, 'base64'))
  const weights = new Float32Array(data.buckets)
  for (let i = 0; i < bytes.length; i++) weights[i] = ((bytes[i]! << 24) >> 24) * data.scale
  return weights
}

export function loadToneModel(data: ToneModelData): ToneModel {
  return { data, weights: decodeWeights(data) }
}

/** The probability that the sentence is a brush-off. */
export function brushOffProbability(model: ToneModel, vector: Map<number, number>): number {
  let z = model.data.bias
  for (const [bucket, value] of vector) z += model.weights[bucket]! * value
  return 1 / (1 + Math.exp(-z))
}

export function probabilityOf(model: ToneModel, text: string): number {
  return brushOffProbability(model, sentenceFeatures(tokenize(text), model.data.buckets))
}

/** The labelled brush-off most like the sentence (for "lijkt op een afpoeier, zoals: …"). */
export function nearestExample(model: ToneModel, vector: Map<number, number>): string {
  if (!model.exampleIndex) {
    const index = new Map<number, { examples: number[]; values: number[] }>()
    model.data.examples.forEach((example, position) => {
      for (const [bucket, value] of sentenceFeatures(tokenize(example), model.data.buckets)) {
        let postings = index.get(bucket)
        if (!postings) index.set(bucket, (postings = { examples: [], values: [] }))
        postings.examples.push(position)
        postings.values.push(value)
      }
    })
    model.exampleIndex = index
  }
  // Cosine similarity (all vectors have unit length) summed over the sentence's features only.
  const similarity = new Float32Array(model.data.examples.length)
  for (const [bucket, value] of vector) {
    const postings = model.exampleIndex.get(bucket)
    if (!postings) continue
    for (let i = 0; i < postings.examples.length; i++) similarity[postings.examples[i]!]! += value * postings.values[i]!
  }
  let best = 0
  for (let i = 1; i < similarity.length; i++) if (similarity[i]! > similarity[best]!) best = i
  return model.data.examples[best] ?? ''
}
