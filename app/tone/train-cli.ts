// `npm run tone:train` — retrains the tone check's learned signal and prints what changed; the
// build runs it too (`--quiet`), so the model always matches the corpus.
// Learns only from the development part of the corpus (app/tone/corpus/dev.json) and the
// sentences HQ accepted from writers' reports (accepted.json; with DATABASE_URL set, reports
// accepted on the tone page since the last run are added to it first). The test part (test.json)
// is only measured, before and after. The threshold is chosen by 5-fold cross-validation on the
// training sentences; the model goes to app/tone/model.json.
import { readFile, writeFile } from 'node:fs/promises'
import { compileFamilies } from './checker.ts'
import { loadToneModel, type ToneModelData } from './classifier.ts'
import { DEFAULT_PHRASE_FAMILIES } from './default-families.ts'
import { crossValidate, evaluate, formatScores, trainToneModel, type LabelledSentence } from './train.ts'

const corpus = new URL('corpus/', import.meta.url)
const modelPath = new URL('model.json', import.meta.url)
const read = async (name: string) => JSON.parse(await readFile(new URL(name, corpus), 'utf8')) as LabelledSentence[]
const quiet = process.argv.includes('--quiet')
const log = (text: string) => {
  if (!quiet) console.info(text)
}

const dev = await read('dev.json')
const test = await read('test.json')
const accepted = await read('accepted.json')
if (process.env.DATABASE_URL && !quiet) {
  const { acceptedToneReports } = await import('~/models/tone-reports.server.ts')
  const { closeDatabase, databaseReady } = await import('~/utils/db.server.ts')
  const known = new Set(accepted.map((sample) => `${sample.label}\t${sample.text}`))
  let fromDatabase: LabelledSentence[]
  try {
    await databaseReady()
    fromDatabase = await acceptedToneReports()
  } finally {
    await closeDatabase()
  }
  const added = fromDatabase.filter((sample) => !known.has(`${sample.label}\t${sample.text}`))
  accepted.push(...added)
  if (added.length) await writeFile(new URL('accepted.json', corpus), `${JSON.stringify(accepted, null, 2)}\n`)
  log(`${added.length} newly accepted report(s) added to app/tone/corpus/accepted.json`)
}
const training = [...dev, ...accepted]
const families = compileFamilies(DEFAULT_PHRASE_FAMILIES.map((family) => ({ ...family, id: family.key })))

const before = loadToneModel(JSON.parse(await readFile(modelPath, 'utf8')) as ToneModelData)

// Cross-validation: each fifth of the training sentences is checked by a model that never saw it.
const cv = crossValidate(training, families, [0.5, 0.6, 0.7, 0.8])
log('5-fold cross-validation on the training sentences (families + model):')
for (const row of cv) {
  log(
    `  threshold ${row.threshold.toFixed(2)}  P ${row.precision.toFixed(3)}  R ${row.recall.toFixed(3)}  F1 ${row.f1.toFixed(3)}`,
  )
}
// The best F1 among thresholds that keep precision at 0.9 (or else the most precise one).
const eligible = cv.filter((row) => row.precision >= 0.9)
const chosen = (eligible.length ? eligible : [...cv].sort((a, b) => b.precision - a.precision).slice(0, 1)).sort(
  (a, b) => b.f1 - a.f1,
)[0]!
log(`threshold chosen: ${chosen.threshold}`)

const data = trainToneModel(training, { threshold: chosen.threshold })
await writeFile(modelPath, `${JSON.stringify(data)}\n`)
log(
  `trained on ${training.length} sentences (${dev.length} development, ${accepted.length} accepted); model.json ${Math.round(
    JSON.stringify(data).length / 1024,
  )} KB`,
)
if (!quiet) {
  log(formatScores('test part, before:', evaluate(test, families, before)))
  log(formatScores('test part, after:', evaluate(test, families, loadToneModel(data))))
  log(formatScores('test part, phrase families only:', evaluate(test, families, null)))
}
