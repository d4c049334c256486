// Training and measuring the tone check's learned signal (app/tone/classifier.ts). Pure and
// deterministic: the same corpus gives the same model.json byte for byte, so a test can tell when
// the committed model is out of date. Used by `npm run tone:train` and the corpus test.
import { sentenceFeatures, loadToneModel, type ToneModel, type ToneModelData } from './classifier.ts'
import { checkTone, type CompiledFamily } from './checker.ts'
import { tokenize } from './text.ts'

export interface LabelledSentence {
  text: string
  label: 'afpoeier' | 'ok'
  /** gesproken-formeel, gesproken-informeel, instructie-nl, schriftelijk-nl, spoken-en, instruction-en */
  style: string
  kind?: string
}

export interface TrainOptions {
  buckets?: number
  epochs?: number
  /** L2 regularisation per step. */
  lambda?: number
  threshold?: number
}

const DEFAULTS = { buckets: 1 << 16, epochs: 120, lambda: 3e-3, threshold: 0.5 }

// A small seeded generator (mulberry32): the same shuffles on every machine.
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A fingerprint of labelled sentences (FNV-1a over text and label), to tell which corpus a model learned. */
export function corpusDigest(samples: LabelledSentence[]): string {
  let h = 0x811c9dc5
  for (const sample of samples) {
    const line = `${sample.label}\t${sample.text}\n`
    for (let i = 0; i < line.length; i++) {
      h ^= line.charCodeAt(i)
      h = Math.imul(h, 0x01000193)
    }
  }
  return (h >>> 0).toString(16).padStart(8, '0')
}

/** Logistic regression by stochastic gradient descent, the classes weighted to balance. */
export function trainToneModel(samples: LabelledSentence[], options: TrainOptions = {}): ToneModelData {
  const { buckets, epochs, lambda, threshold } = { ...DEFAULTS, ...options }
  const vectors = samples.map((sample) => sentenceFeatures(tokenize(sample.text), buckets))
  const labels = samples.map((sample) => (sample.label === 'afpoeier' ? 1 : 0))
  const positives = labels.reduce<number>((sum, label) => sum + label, 0)
  const classWeight = [
    samples.length / (2 * Math.max(1, samples.length - positives)),
    samples.length / (2 * Math.max(1, positives)),
  ]
  const weights = new Float64Array(buckets)
  let bias = 0
  const next = random(17)
  const order = samples.map((_, index) => index)
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1))
      ;[order[i], order[j]] = [order[j]!, order[i]!]
    }
    const rate = 0.5 / (1 + epoch * 0.2)
    for (const index of order) {
      const vector = vectors[index]!
      let z = bias
      for (const [bucket, value] of vector) z += weights[bucket]! * value
      const gradient = (1 / (1 + Math.exp(-z)) - labels[index]!) * classWeight[labels[index]!]!
      for (const [bucket, value] of vector) {
        weights[bucket] = weights[bucket]! - rate * (gradient * value + lambda * weights[bucket]!)
      }
      bias -= rate * gradient * 0.1
    }
  }
  let largest = 0
  for (const weight of weights) largest = Math.max(largest, Math.abs(weight))
  const scale = largest / 127 || 1
  const bytes = new Uint8Array(buckets)
  for (let i = 0; i < buckets; i++) bytes[i] = Math.round(weights[i]! / scale) & 0xff
  return {
    version: 1,
    buckets,
    bias: Number(bias.toFixed(6)),
    weights: Buffer.from(bytes).toString('base64'),
    scale: Number(scale.toPrecision(8)),
    threshold,
    // Writers' accepted reports train the weights but are never shown as examples: the model
    // ships to every region's editor, and a report is one region's own words.
    examples: samples
      .filter((sample) => sample.label === 'afpoeier' && sample.style !== 'gemeld')
      .map((sample) => sample.text),
    trainedOn: { sentences: samples.length, brushOffs: positives, digest: corpusDigest(samples) },
  }
}

export interface Scores {
  count: number
  precision: number
  recall: number
  f1: number
  truePositives: number
  falsePositives: number
  falseNegatives: number
}

export function scores(results: { expected: boolean; flagged: boolean }[]): Scores {
  let truePositives = 0
  let falsePositives = 0
  let falseNegatives = 0
  for (const { expected, flagged } of results) {
    if (flagged && expected) truePositives++
    else if (flagged) falsePositives++
    else if (expected) falseNegatives++
  }
  const precision = truePositives / Math.max(1, truePositives + falsePositives)
  const recall = truePositives / Math.max(1, truePositives + falseNegatives)
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0
  return { count: results.length, precision, recall, f1, truePositives, falsePositives, falseNegatives }
}

export interface Evaluation {
  overall: Scores
  byStyle: Record<string, Scores>
  errors: { text: string; style: string; expected: boolean; families: string[] }[]
}

/** The whole tone check (families and, if given, the model) on labelled sentences. */
export function evaluate(samples: LabelledSentence[], families: CompiledFamily[], model: ToneModel | null): Evaluation {
  const results = samples.map((sample) => {
    const findings = checkTone(sample.text, families, { model })
    return {
      sample,
      expected: sample.label === 'afpoeier',
      flagged: findings.length > 0,
      families: findings.map((f) => f.familyId),
    }
  })
  const styles = [...new Set(samples.map((sample) => sample.style))].sort()
  return {
    overall: scores(results),
    byStyle: Object.fromEntries(
      styles.map((style) => [style, scores(results.filter((r) => r.sample.style === style))]),
    ),
    errors: results
      .filter((r) => r.expected !== r.flagged)
      .map((r) => ({ text: r.sample.text, style: r.sample.style, expected: r.expected, families: r.families })),
  }
}

/**
 * k-fold cross-validation: each fold is checked (families and model) by a model trained on the
 * other folds, at each of the thresholds; the scores per threshold.
 */
export function crossValidate(
  samples: LabelledSentence[],
  families: CompiledFamily[],
  thresholds: number[],
  folds = 5,
): (Scores & { threshold: number })[] {
  const results = thresholds.map(() => [] as { expected: boolean; flagged: boolean }[])
  for (let fold = 0; fold < folds; fold++) {
    const model = loadToneModel(trainToneModel(samples.filter((_, index) => index % folds !== fold)))
    for (const sample of samples.filter((_, index) => index % folds === fold)) {
      thresholds.forEach((threshold, t) => {
        model.data = { ...model.data, threshold }
        const flagged = checkTone(sample.text, families, { model }).length > 0
        results[t]!.push({ expected: sample.label === 'afpoeier', flagged })
      })
    }
  }
  return thresholds.map((threshold, t) => ({ threshold, ...scores(results[t]!) }))
}

/** A table of scores, one line per style, for the terminal. */
export function formatScores(title: string, evaluation: Evaluation): string {
  const line = (name: string, s: Scores) =>
    `${name.padEnd(22)} n=${String(s.count).padStart(4)}  P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}`
  return [
    title,
    line('overall', evaluation.overall),
    ...Object.entries(evaluation.byStyle).map(([style, s]) => line(`  ${style}`, s)),
  ].join('\n')
}
