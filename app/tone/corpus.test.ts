// Evidence for the tone check: a corpus of brush-offs in many forms and of look-alikes that must
// not be flagged, checked against the default phrase families. Prints precision and recall and
// keeps both at or above 0.9. Run it alone with `npx vitest run tone`.
import { describe, expect, test } from 'vitest'
import { DEFAULT_PHRASE_FAMILIES } from './default-families.ts'
import { checkTone, compileFamilies } from './checker.ts'

/** Each sentence with the families that should flag it ([] = must not be flagged). */
const CORPUS: [string, string[]][] = [
  // "dat is nu eenmaal ons beleid" / "that's our policy"
  ['Helaas, dat is nu eenmaal ons beleid.', ['beleid']],
  ['Zeg tegen de klant: sorry, dat zijn gewoon de regels.', ['beleid']],
  ['Leg uit dat het nu eenmaal zo is en dat we daar niet van afwijken.', ['beleid']],
  ['Zo is ons beleid nu eenmaal, daar verandert een klacht niets aan.', ['beleid']],
  ["Sorry, that's just our policy.", ['beleid']],
  ["I'm afraid that is company policy.", ['beleid']],
  ['Regels zijn regels, ook voor vaste klanten.', ['beleid']],
  // "daar kan ik niets aan doen"
  ['Daar kan ik helaas niets aan doen.', ['niets-aan-doen']],
  ['Ik kan daar ook niks aan veranderen.', ['niets-aan-doen']],
  ['Daar kunnen wij als winkel helaas niets aan doen.', ['niets-aan-doen']],
  ["There's nothing I can do about it.", ['niets-aan-doen']],
  ["I can't do anything about that, sorry.", ['niets-aan-doen']],
  // "dat mag ik niet"
  ['Dat mag ik niet doen van mijn leidinggevende.', ['mag-niet']],
  ['Ik mag dat helaas niet.', ['mag-niet']],
  ['Dat mag van het hoofdkantoor niet.', ['mag-niet']],
  ["I'm not allowed to do that.", ['mag-niet']],
  ['We are not allowed to give refunds, sorry.', ['mag-niet']],
  // "het systeem ligt eruit"
  ['Het systeem ligt eruit, kom morgen maar terug.', ['systeem']],
  ['Helaas ligt het systeem er weer uit.', ['systeem']],
  ['De computer doet het niet, dus ik kan niets voor u doen.', ['systeem', 'niets-aan-doen']],
  ["The system is down, so I can't help you right now.", ['systeem', 'niets-aan-doen']],
  ['Our systems are down at the moment.', ['systeem']],
  // "daarvoor bent u bij ons niet aan het goede adres"
  ['Daarvoor bent u bij ons niet aan het goede adres.', ['verkeerde-adres']],
  ['U bent hier aan het verkeerde adres, probeert u het bij de fabrikant.', ['verkeerde-adres']],
  ['Daarvoor moet u niet bij ons zijn.', ['verkeerde-adres']],
  ["You've come to the wrong place for that.", ['verkeerde-adres']],
  ["That's not something we deal with here.", ['verkeerde-adres']],
  // "dat is niet ons probleem"
  ['Dat is niet ons probleem.', ['niet-ons-probleem']],
  ['Dat is uw eigen probleem, meneer.', ['niet-ons-probleem']],
  ['Daar gaan wij niet over.', ['niet-ons-probleem']],
  ["That's not our problem.", ['niet-ons-probleem']],
  ['That is not my department.', ['niet-ons-probleem']],
  // "u had de voorwaarden moeten lezen"
  ['U had de voorwaarden maar beter moeten lezen.', ['voorwaarden']],
  ['Dat staat gewoon in de kleine lettertjes.', ['voorwaarden']],
  ['Dat had u kunnen weten, het staat in de voorwaarden.', ['voorwaarden']],
  ['You should have read the terms and conditions.', ['voorwaarden']],
  ["It's all in the small print.", ['voorwaarden']],
  // "ik werk hier pas"
  ['Ik werk hier pas net, dus ik weet het niet.', ['nieuw-hier']],
  ['Sorry, ik ben nieuw hier.', ['nieuw-hier']],
  ["I'm new here, I don't know.", ['nieuw-hier']],
  ['Ik werk hier nog maar een week.', ['nieuw-hier']],
  // "wij zijn aan het reorganiseren"
  ['Wij zijn aan het reorganiseren, dus het duurt even.', ['reorganisatie']],
  ['Door de reorganisatie gaat alles wat langzamer.', ['reorganisatie']],
  ["We're in the middle of a reorganisation.", ['reorganisatie']],
  // "dat ligt aan onze leverancier"
  ['Dat ligt aan onze leverancier.', ['leverancier']],
  ['De leverancier heeft het verkeerd geleverd, daar kunnen wij niets aan doen.', ['leverancier', 'niets-aan-doen']],
  ["That's the supplier's fault, not ours.", ['leverancier']],
  ['Dat komt door de vervoerder, niet door ons.', ['leverancier']],
  // "het is hier zo druk"
  ['Het is hier zo druk vandaag, u moet even wachten.', ['druk']],
  ['We hebben het momenteel erg druk.', ['druk']],
  ["We're really busy right now, come back later.", ['druk']],
  ['Sorry, we are short-staffed today.', ['druk']],

  // Look-alikes that must not be flagged.
  ['Ons beleid is dat u altijd een vervangend product krijgt.', []],
  ['Het systeem geeft aan dat de bestelling onderweg is.', []],
  ['Leg uit waarom de regel bestaat en bied een alternatief.', []],
  ['Als het systeem eruit ligt, noteer je de gegevens op papier en bel je de klant terug.', []],
  ['Our policy is that you can return any item within 30 days.', []],
  ['Vraag de klant of er iets is wat je kunt doen.', []],
  ["Zeg nooit 'dat is ons beleid', maar leg uit waarom de regel er is.", []],
  ['Het is druk in de winkel op zaterdag; zet dan een extra kassa open.', []],
  ['Bij drukte in de winkel vraag je een collega om hulp.', []],
  ["Neem het probleem over: zeg 'ik zoek het voor u uit'.", []],
  ['If the system is down, write the order on paper and call the customer back.', []],
  ['Explain the rule, then offer an alternative.', []],
  ['Nieuwe medewerkers werken de eerste week samen met een buddy.', []],
  ['Tijdens de reorganisatie van het magazijn blijft de service gewoon doorgaan.', []],
  ['Bestel bij de leverancier een vervangend onderdeel en houd de klant op de hoogte.', []],
  ['Lees samen met de klant de voorwaarden door en leg ze in gewone taal uit.', []],
  ['Mag ik u even helpen met uw retour?', []],
  ['Dat mag: geef de klant gerust een nieuwe bon.', []],
  ['You are allowed to refund up to 50 euros without asking a manager.', []],
  ['There is always something you can do: offer a callback.', []],
  ['Het probleem van de klant is ook ons probleem.', []],
  ['Als je iets niet weet omdat je hier pas werkt, vraag het een collega.', []],
  ['Kijk in het systeem of de bestelling er is.', []],
  ['Daar kun je veel aan doen: bel de klant terug.', []],
  ['We value your feedback, and our team will get back to you within a day.', []],
  ['Geef de klant het nummer van de fabrikant en bel zelf ook even mee.', []],
  ['Als het niet mag, zeg dan eerlijk nee en verwijs naar de klantenservice.', []],
  ['Het is de regel dat je elke klacht binnen twee dagen beantwoordt.', []],
  ['Wij zijn er om de klant te helpen, ook als het druk is.', []],
  ['Was de klant nieuw hier, leg dan uit hoe de app werkt.', []],
  ['Explain the terms and conditions in plain words before the customer signs.', []],
  ['Met de nieuwe kassa gaat het afrekenen sneller dan met het oude systeem.', []],
  ['Behandel de klacht alsof het je eigen probleem is.', []],
  ['Even when the shop is very busy, greet every customer within a minute.', []],
  ['De regels voor ruilen staan op de bon; wijs de klant er vriendelijk op.', []],
  ['Het beleid van de regio geeft medewerkers ruimte om tot 50 euro zelf te beslissen.', []],
  ["Zeg niet 'daar kan ik niets aan doen', maar 'ik zoek het voor u uit'.", []],
  ["Never say 'that's not my department'; walk the customer to the right colleague.", []],
  ['Het systeem ligt er soms uit; houd daarom altijd papieren formulieren bij de kassa.', []],
  ['Wij mogen dat niet weigeren: elke klant krijgt een bon.', []],
  ['Ook als het beleid is veranderd, help je de klant met de oude bon.', []],
  ["Don't say 'we are really busy'; say how long the wait will be.", []],
  ['Kunnen we niet helpen, zeg dan dat de klant daarvoor bij ons niet aan het goede adres is.', ['verkeerde-adres']],
  ['When a delivery is late, call the courier yourself and tell the customer what happens next.', []],
]

const families = compileFamilies(DEFAULT_PHRASE_FAMILIES.map((family) => ({ ...family, id: family.key })))

describe('tone check on the corpus', () => {
  test('precision and recall stay at or above 0.9', () => {
    let truePositives = 0
    let falsePositives = 0
    let falseNegatives = 0
    const misses: string[] = []
    for (const [sentence, expected] of CORPUS) {
      const found = new Set(checkTone(sentence, families).map((finding) => finding.familyId))
      for (const family of found) {
        if (expected.includes(family)) truePositives++
        else {
          falsePositives++
          misses.push(`false positive (${family}): ${sentence}`)
        }
      }
      for (const family of expected) {
        if (!found.has(family)) {
          falseNegatives++
          misses.push(`missed (${family}): ${sentence}`)
        }
      }
    }
    const precision = truePositives / (truePositives + falsePositives)
    const recall = truePositives / (truePositives + falseNegatives)
    const brushOffs = CORPUS.filter(([, expected]) => expected.length).length
    console.info(
      [
        `tone check corpus: ${CORPUS.length} sentences (${brushOffs} brush-offs, ${CORPUS.length - brushOffs} look-alikes), ${DEFAULT_PHRASE_FAMILIES.length} families`,
        `precision ${precision.toFixed(3)} (${truePositives} of ${truePositives + falsePositives} findings right)`,
        `recall    ${recall.toFixed(3)} (${truePositives} of ${truePositives + falseNegatives} expected findings)`,
        ...misses.map((miss) => `  ${miss}`),
      ].join('\n'),
    )
    expect(CORPUS.length).toBeGreaterThanOrEqual(60)
    expect(precision).toBeGreaterThanOrEqual(0.9)
    expect(recall).toBeGreaterThanOrEqual(0.9)
  })

  test('every family catches at least one sentence of the corpus', () => {
    const caught = new Set(
      CORPUS.flatMap(([sentence]) => checkTone(sentence, families).map((finding) => finding.familyId)),
    )
    expect([...caught].sort()).toEqual(DEFAULT_PHRASE_FAMILIES.map((family) => family.key).sort())
  })
})
