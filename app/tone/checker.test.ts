import { describe, expect, test } from 'vitest'
import {
  checkTone,
  compileFamilies,
  LEARNED_FAMILY_ID,
  sentenceKey,
  parsePatterns,
  tokenize,
  type PhraseFamilyData,
} from './checker.ts'
import { DEFAULT_PHRASE_FAMILIES } from './default-families.ts'
import { defaultToneModel } from './default-model.ts'

const family = (patterns: string, exceptions = ''): PhraseFamilyData => ({
  id: 'f',
  name: 'Family',
  patterns,
  exceptions,
  explanation: 'why',
  suggestion: 'instead',
})

describe('phrase checker', () => {
  test('reports the offsets of the flagged words in the original text', () => {
    const text = 'Goedemiddag. Helaas, dat is nu eenmaal ons Beleid! Fijne dag.'
    const [finding] = checkTone(text, compileFamilies([family('dat is beleid*')]))
    expect(finding).toMatchObject({ familyId: 'f', text: 'dat is nu eenmaal ons Beleid' })
    expect(text.slice(finding!.start, finding!.end)).toBe('dat is nu eenmaal ons Beleid')
  })

  test('keeps the word order but allows filler words in between, up to a limit', () => {
    const families = compileFamilies([family('daar kan niets')])
    expect(checkTone('Daar kan ik echt helemaal niets', families)).toHaveLength(1)
    expect(checkTone('Niets kan daar', families)).toHaveLength(0)
    expect(checkTone('Daar kan ik echt helemaal nooit ofte nimmer niets', families)).toHaveLength(0)
  })

  test('a ~ pattern matches its words in any order within one sentence, never across sentences', () => {
    const families = compileFamilies([family('~ ik mag dat niet')])
    expect(checkTone('Dat mag ik helaas niet.', families)).toHaveLength(1)
    expect(checkTone('Dat mag. Ik niet.', families)).toHaveLength(0)
  })

  test('prefixes, alternatives, accents and contractions', () => {
    const families = compileFamilies([family('reorgani*|fusie bezig'), family('that is policy'), family('het is druk')])
    expect(checkTone('De reorganisaties zijn bezig', families)).toHaveLength(1)
    expect(checkTone('De fusie is nog bezig', families)).toHaveLength(1)
    expect(checkTone("That's policy", families)).toHaveLength(1)
    expect(checkTone('That’s policy', families)).toHaveLength(1)
    expect(checkTone("'t Is druk", families)).toHaveLength(1)
    expect(tokenize('Één café').map((token) => token.word)).toEqual(['een', 'cafe'])
  })

  test('an exception silences the family for that sentence only', () => {
    const families = compileFamilies([family('beleid* is|zijn', 'beleid* is dat')])
    expect(checkTone('Ons beleid is dat u altijd ruilt.', families)).toHaveLength(0)
    expect(checkTone('Ons beleid is dat u altijd ruilt. Beleid is beleid.', families)).toHaveLength(1)
  })

  test('one finding per family per sentence, in text order', () => {
    const families = compileFamilies([
      { ...family('nu eenmaal'), id: 'a' },
      { ...family('ons beleid'), id: 'b' },
    ])
    const findings = checkTone('Dat is nu eenmaal ons beleid, nu eenmaal.', families)
    expect(findings.map((finding) => finding.familyId)).toEqual(['a', 'b'])
  })

  test('refuses patterns it cannot read, with the line number', () => {
    expect(parsePatterns('dat is beleid\n\nbeleid').errors).toEqual([{ line: 3, key: 'tone.errors.tooFewWords' }])
    expect(parsePatterns('dat is (beleid)').errors).toEqual([{ line: 1, key: 'tone.errors.badWord', word: '(beleid)' }])
    expect(parsePatterns('dat is be*').errors).toEqual([{ line: 1, key: 'tone.errors.shortPrefix', word: 'be*' }])
    expect(parsePatterns("that's policy").errors).toEqual([{ line: 1, key: 'tone.errors.badWord', word: "that's" }])
    expect(parsePatterns('kan||kunnen niets').errors).toEqual([
      { line: 1, key: 'tone.errors.badWord', word: 'kan||kunnen' },
    ])
  })
})

test('the underline covers every overlapping match of the family, not only the first', () => {
  const families = compileFamilies([family('dat is nu eenmaal\nnu eenmaal beleid*')])
  expect(checkTone('Helaas, dat is nu eenmaal ons beleid.', families)[0]?.text).toBe('dat is nu eenmaal ons beleid')
})

test('words that are names of object properties are just words', () => {
  const families = compileFamilies([family('constructor tostring')])
  expect(checkTone("The constructor 'constructor toString __proto__.", families)).toHaveLength(1)
})

describe('context rules (issue 17)', () => {
  const defaults = compileFamilies(DEFAULT_PHRASE_FAMILIES.map((f) => ({ ...f, id: f.key })))
  const flagged = (text: string) => checkTone(text, defaults).map((finding) => finding.familyId)

  test('a phrase quoted as what not to say is not a brush-off; said or instructed, it is', () => {
    expect(flagged("Gebruik nooit de zin 'dat is nu eenmaal ons beleid'.")).toEqual([])
    expect(flagged('Vermijd "daar ga ik niet over" in elk gesprek.')).toEqual([])
    expect(flagged("Avoid saying 'that's not my department'.")).toEqual([])
    expect(flagged('Verwijs niet naar de kleine lettertjes, maar leg uit wat er staat.')).toEqual([])
    expect(flagged("Zeg tegen de klant: 'dat is nu eenmaal ons beleid'.")).toEqual(['beleid'])
    expect(flagged('Zeg dat het beleid is.')).not.toEqual([])
  })

  test('an honest no followed by what the employee will do is not a brush-off', () => {
    expect(flagged('Het systeem ligt eruit, maar ik schrijf uw gegevens op en bel u vanmiddag terug.')).toEqual([])
    expect(flagged('Dat mag ik niet zelf beslissen. Ik leg het vandaag aan mijn teamleider voor.')).toEqual([])
    expect(flagged("I'm not allowed to approve that, but let me get my supervisor.")).toEqual([])
    // A "but" that only repeats the no does not count.
    expect(flagged('Dat bepaalt het hoofdkantoor, maar ik kan er ook niks aan doen.')).not.toEqual([])
  })

  test('a clitic apostrophe opens no quotation; a helping verb alone promises nothing', () => {
    expect(flagged("Kom 's ochtends maar terug. Daar kan ik niets aan doen. Het is de 'regel'.")).toContain(
      'niets-aan-doen',
    )
    expect(flagged('Regels zijn regels. Ik ga lunchen.')).toEqual(['beleid'])
    expect(flagged('Rules are rules. I am leaving.')).toEqual(['beleid'])
    expect(flagged('Dat mag ik niet, maar ik ga het even navragen.')).toEqual([])
  })

  test('the situation of a condition is not a brush-off; the instruction after it can be', () => {
    expect(flagged('Ligt de kassa plat, reken dan handmatig af en geef een geschreven bon.')).toEqual([])
    expect(flagged('If the system is down, write the order on paper and call the customer back.')).toEqual([])
    expect(
      flagged('Vraagt de klant om een uitzondering, zeg dan dat het beleid is en beëindig het gesprek.'),
    ).not.toEqual([])
  })

  test('the new families: department, higher-ups, system, hands tied, reputation, cut-off', () => {
    expect(flagged('Dat is mijn afdeling niet.')).toEqual(['niet-mijn-afdeling'])
    expect(flagged('Daar ben ik niet bevoegd voor.')).toEqual(['niet-mijn-afdeling'])
    expect(flagged('Dat bepaalt het hoofdkantoor, niet ik.')).toEqual(['hogerhand'])
    expect(flagged('Ons systeem laat dat niet toe.')).toEqual(['systeem-weigert'])
    expect(flagged('Computer says no.')).toEqual(['systeem-weigert'])
    expect(flagged("I'm afraid my hands are tied.")).toEqual(['machteloos'])
    expect(flagged('Wij hebben een goede naam in de markt, dus wat u zegt kan niet waar zijn.')).not.toEqual([])
    expect(flagged('Verwijs de klant door naar de klantenservice en beëindig het gesprek.')).toEqual(['afkappen'])
  })

  test('*word matches compounds that end in the word', () => {
    const families = compileFamilies([family('in strijd met *beleid')])
    expect(checkTone('Dit is in strijd met ons retourbeleid.', families)).toHaveLength(1)
    expect(parsePatterns('*ab x').errors).toEqual([{ line: 1, key: 'tone.errors.shortPrefix', word: '*ab' }])
  })
})

describe('the learned signal', () => {
  const model = defaultToneModel()

  test('flags a paraphrase no family knows, with the labelled brush-off it is most like', () => {
    const [finding] = checkTone('Daarvoor moet u echt bij een collega van de backoffice wezen, niet bij mij.', [], {
      model,
    })
    expect(finding).toMatchObject({ familyId: LEARNED_FAMILY_ID })
    expect(finding!.example).toBeTruthy()
    expect(checkTone('Ik loop even met u mee naar de collega van de backoffice.', [], { model })).toEqual([])
  })

  test('HQ-accepted reports decide their exact sentence, whatever its case or commas', () => {
    const overrides = {
      pass: [sentenceKey('Dat is nu eenmaal ons beleid.')],
      flag: [sentenceKey('Tja, pech gehad.')],
    }
    const families = compileFamilies([family('nu eenmaal beleid*')])
    expect(checkTone('dat is nu eenmaal ons BELEID', families, { overrides })).toEqual([])
    expect(checkTone('tja, PECH gehad', families, { overrides })).toMatchObject([
      { familyId: LEARNED_FAMILY_ID, reported: true },
    ])
  })
})
