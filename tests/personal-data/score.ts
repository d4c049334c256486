// `npm run check:personal-data`: how the personal-data refusal does on each set (the held-out set
// is never tuned on; its score goes in the README as measured).
import { findPersonalData } from '~/validation/personal-data.server.ts'
import dev from './dev.json' with { type: 'json' }
import heldout from './heldout.json' with { type: 'json' }

for (const [name, set] of Object.entries({ dev, heldout })) {
  const wrong = set.cases.filter((c) => findPersonalData(c.text) !== c.expect)
  const personal = set.cases.filter((c) => c.expect !== null)
  const missed = personal.filter((c) => findPersonalData(c.text) === null).length
  const falseRefusals = set.cases.filter((c) => c.expect === null && findPersonalData(c.text) !== null).length
  console.log(
    `${name}: ${set.cases.length - wrong.length}/${set.cases.length} right · personal data refused ${personal.length - missed}/${personal.length} · ordinary sentences refused ${falseRefusals}/${set.cases.length - personal.length}`,
  )
  for (const c of wrong) console.log(`  wrong: "${c.text}" → ${findPersonalData(c.text)} (expected ${c.expect})`)
}
