import { describe, expect, it } from 'vitest'
import dev from '../../tests/personal-data/dev.json' with { type: 'json' }
import heldout from '../../tests/personal-data/heldout.json' with { type: 'json' }
import { findPersonalData } from './personal-data.server.ts'

describe('personal data in a customer signal', () => {
  it.each(dev.cases)('$text → $expect', ({ text, expect: kind }) => {
    expect(findPersonalData(text)).toBe(kind)
  })

  it('gets the held-out sentences it was never tuned on mostly right', () => {
    const right = heldout.cases.filter((c) => findPersonalData(c.text) === c.expect).length
    const personal = heldout.cases.filter((c) => c.expect !== null)
    const refused = personal.filter((c) => findPersonalData(c.text) !== null).length
    // Recorded in the README (held-out score); a drop below these means the detector got worse.
    expect(right / heldout.cases.length).toBeGreaterThanOrEqual(0.85)
    expect(refused / personal.length).toBeGreaterThanOrEqual(0.85)
  })
})
