// `npm run tone` — the tone check on the command line, for batch checks and scripts.
// Reads sentences from standard input, one per line. With --json it prints one JSON line per
// input line: {"text": …, "flagged": true|false, "families": [...]}; without, a readable list.
// Uses the default phrase families (app/tone/default-families.json) and the trained model; no
// database and no network.
import { createInterface } from 'node:readline'
import { checkTone, compileFamilies } from './checker.ts'
import { DEFAULT_PHRASE_FAMILIES } from './default-families.ts'
import { defaultToneModel } from './default-model.ts'

const json = process.argv.includes('--json')
const withoutModel = process.argv.includes('--no-model')
const families = compileFamilies(DEFAULT_PHRASE_FAMILIES.map((family) => ({ ...family, id: family.key })))
const model = withoutModel ? null : defaultToneModel()

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity })
for await (const text of lines) {
  const findings = checkTone(text, families, { model })
  const familyIds = [...new Set(findings.map((finding) => finding.familyId))]
  if (json) {
    process.stdout.write(`${JSON.stringify({ text, flagged: findings.length > 0, families: familyIds })}\n`)
  } else if (text.trim()) {
    const details = findings.map((f) => `${f.familyId}: "${f.text}"${f.example ? ` (like "${f.example}")` : ''}`)
    process.stdout.write(`${findings.length ? '✗' : '✓'} ${text}\n${details.map((d) => `    ${d}\n`).join('')}`)
  }
}
