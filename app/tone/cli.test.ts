// `npm run tone -- --json` as a script uses it: sentences on standard input, one JSON line per
// sentence on standard output and nothing else (no npm banner: see .npmrc).
import { spawnSync } from 'node:child_process'
import { expect, test } from 'vitest'

test('npm run tone -- --json prints one JSON line per input line', () => {
  const input = ['Dat is mijn afdeling niet.', '', "Gebruik nooit de zin 'dat is nu eenmaal ons beleid'."].join('\n')
  const run = spawnSync('npm', ['run', 'tone', '--', '--json'], {
    input,
    encoding: 'utf8',
    cwd: new URL('../..', import.meta.url).pathname,
  })
  expect(run.status, run.stderr).toBe(0)
  const lines = run.stdout.trimEnd().split('\n')
  expect(lines.map((line) => JSON.parse(line))).toEqual([
    { text: 'Dat is mijn afdeling niet.', flagged: true, families: ['niet-mijn-afdeling'] },
    { text: '', flagged: false, families: [] },
    { text: "Gebruik nooit de zin 'dat is nu eenmaal ons beleid'.", flagged: false, families: [] },
  ])
}, 30_000)
