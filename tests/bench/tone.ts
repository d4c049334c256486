// `npm run bench:tone` — how fast the tone check is, printed (no asserts: timings belong here).
// 1. Server: every sentence of the corpus's test part through the whole check (families, context
//    rules, learned signal), repeated; time per sentence.
// 2. Editor: a guideline of 40 paragraphs in a ProseMirror state with the tone check's plugin (the
//    same plugin the editor runs); 300 keystrokes typed into one paragraph, each timed from the
//    transaction to the new plugin state and decorations — the work the check adds to a keystroke.
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { getSchema } from '@tiptap/core'
import { EditorState } from '@tiptap/pm/state'
import { documentExtensions } from '~/editor/extensions.ts'
import { toneCheckPlugin } from '~/editor/tone-check.ts'
import { checkTone, compileFamilies } from '~/tone/checker.ts'
import { DEFAULT_PHRASE_FAMILIES } from '~/tone/default-families.ts'
import { defaultToneModel } from '~/tone/default-model.ts'

const families = compileFamilies(DEFAULT_PHRASE_FAMILIES.map((family) => ({ ...family, id: family.key })))
const model = defaultToneModel()
const corpus = JSON.parse(readFileSync(new URL('../../app/tone/corpus/test.json', import.meta.url), 'utf8')) as {
  text: string
}[]

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

// 1. Server, per sentence.
for (const sample of corpus) checkTone(sample.text, families, { model }) // warm up
const rounds = 20
const perSentence: number[] = []
for (let round = 0; round < rounds; round++) {
  for (const sample of corpus) {
    const start = performance.now()
    checkTone(sample.text, families, { model })
    perSentence.push(performance.now() - start)
  }
}
const mean = perSentence.reduce((sum, value) => sum + value, 0) / perSentence.length
console.info(
  `server: ${perSentence.length} sentence checks (families + context rules + learned signal): mean ${(mean * 1000).toFixed(0)} µs, p95 ${(percentile(perSentence, 95) * 1000).toFixed(0)} µs, p99 ${(percentile(perSentence, 99) * 1000).toFixed(0)} µs, max ${percentile(perSentence, 100).toFixed(2)} ms per sentence`,
)

// 2. Editor keystrokes.
const schema = getSchema(documentExtensions)
const paragraphs = Array.from({ length: 40 }, (_, index) => corpus[index % corpus.length]!.text)
const doc = schema.node(
  'doc',
  null,
  paragraphs.map((text) => schema.node('paragraph', null, [schema.text(text)])),
)
const plugin = toneCheckPlugin({
  families,
  check: { model },
  learned: { name: 'Lijkt op een afpoeier', explanation: '', suggestion: '' },
  insteadLabel: 'Beter:',
})
let state = EditorState.create({ doc, plugins: [plugin] })
const typed = ' Helaas kan ik daar verder niets aan doen, dat bepaalt het hoofdkantoor.'.repeat(5)
const keystrokes: number[] = []
let position = doc.child(0).nodeSize - 1 // the end of the first paragraph
for (const char of typed.slice(0, 300)) {
  const tr = state.tr.insertText(char, position)
  const start = performance.now()
  state = state.apply(tr)
  keystrokes.push(performance.now() - start)
  position++
}
const paragraphLength = state.doc.child(0).textContent.length
console.info(
  `editor: ${keystrokes.length} keystrokes into a paragraph growing to ${paragraphLength} characters, 40 paragraphs: p50 ${percentile(keystrokes, 50).toFixed(2)} ms, p95 ${percentile(keystrokes, 95).toFixed(2)} ms, max ${percentile(keystrokes, 100).toFixed(2)} ms per keystroke (budget 16 ms)`,
)
