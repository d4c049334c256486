// Demo content: six published principles around what Leidraad exists for, one of them at v2
// with a meaningful change, and one proposal in consultation with comments from two regions.
// Seeded through the same domain functions the app uses, so validation and audit apply.
import type { JSONContent } from '@tiptap/core'
import { parseDocument } from '~/editor/document.ts'
import { defineAbilityFor } from '~/permissions/ability.server.ts'
import { prisma } from '~/utils/db.server.ts'
import { addComment } from '~/models/comment.server.ts'
import { createPrinciple, openConsultation, publishPrinciple, savePrinciple } from '~/models/principle.server.ts'

type Inline = string | JSONContent
const text = (part: Inline): JSONContent => (typeof part === 'string' ? { type: 'text', text: part } : part)
const p = (...parts: Inline[]): JSONContent => ({ type: 'paragraph', content: parts.map(text) })
const b = (value: string): JSONContent => ({ type: 'text', text: value, marks: [{ type: 'bold' }] })
const h2 = (value: string): JSONContent => ({ type: 'heading', attrs: { level: 2 }, content: [text(value)] })
const ul = (...items: Inline[][]): JSONContent => ({
  type: 'bulletList',
  content: items.map((parts) => ({ type: 'listItem', content: [p(...parts)] })),
})
const quote = (value: string): JSONContent => ({ type: 'blockquote', content: [p(value)] })
/** A passage HQ fixes for everyone (kader) or leaves to the regions (ruimte). */
const kader = (...content: JSONContent[]): JSONContent => ({ type: 'frame', attrs: { kind: 'kader' }, content })
const ruimte = (...content: JSONContent[]): JSONContent => ({ type: 'frame', attrs: { kind: 'ruimte' }, content })

function document(title: string, ...content: JSONContent[]) {
  const parsed = parseDocument(JSON.stringify({ type: 'doc', content }))
  if (!parsed.ok) throw new Error(`Demo principle "${title}" does not pass validation: ${parsed.error}`)
  return { title, json: parsed.json, text: parsed.text }
}

const PUBLISHED = [
  document(
    'De klant beslist wat goede service is',
    kader(
      p(
        'Niet onze procedures, maar de ervaring van de klant bepaalt of we goed werk hebben geleverd. Regels zijn er om de klant te helpen, niet om ons te beschermen.',
      ),
    ),
    h2('Wat dit betekent'),
    ul(
      ['Vraag wat de klant nodig heeft voordat je een oplossing aanbiedt.'],
      ['Kies bij twijfel de uitleg van een regel die het beste uitpakt voor de klant.'],
      ['Leg vast wat klanten ons vertellen, zodat de regio haar richtlijnen erop kan aanpassen.'],
    ),
    ruimte(
      p(
        'Welke oplossingen je aanbiedt, via welk kanaal je de klant terugbelt en hoe je een gesprek begint, bepaalt de regio samen met het team en de klanten.',
      ),
    ),
  ),
  document(
    'Iedere medewerker is eigenaar van de klantvraag',
    kader(
      p(
        'Wie een vraag aanneemt, is er verantwoordelijk voor tot de klant geholpen is. Doorverwijzen mag, ',
        b('loslaten niet'),
        '.',
      ),
    ),
    h2('Zo werkt het'),
    ul(
      ['Je noemt je naam en zegt wat je gaat doen en wanneer.'],
      ['Moet een collega het oplossen, dan draag je de vraag warm over en controleer je of het gelukt is.'],
      ['De klant hoeft zijn verhaal nooit twee keer te vertellen.'],
    ),
  ),
  document(
    'Een eerlijk nee, altijd met een alternatief',
    kader(
      p(
        'Soms kunnen we niet doen wat de klant vraagt. Dan zeggen we dat eerlijk en meteen, leggen we uit waarom, en bieden we iets aan dat wel kan.',
      ),
    ),
    quote('“Dat kan ik niet voor u regelen, omdat … Wat ik wel kan doen is …”'),
    kader(p('Een nee zonder uitleg of zonder alternatief is geen antwoord.')),
    ruimte(p('Welke alternatieven je aanbiedt en naar wie je doorverwijst, kiest de regio: dat verschilt per streek.')),
  ),
  document(
    'Collega’s zijn elkaars klant',
    p(
      'Een medewerker aan de balie kan een klant alleen goed helpen als de collega’s achter de schermen hem goed helpen. We behandelen interne vragen met dezelfde zorg als vragen van klanten.',
    ),
    ul(
      ['Beantwoord vragen van collega’s uit de frontlinie dezelfde dag.'],
      ['Vraag na afloop of het antwoord de klant heeft geholpen.'],
    ),
  ),
  document(
    'We meten wat klanten ervaren',
    p(
      'We sturen niet op afhandeltijden of aantallen, maar op wat klanten ervaren. Elke regio bespreekt iedere maand de klantreacties met het hele team.',
    ),
    h2('Wat we meten'),
    ul(
      ['Of de klant zich geholpen voelde.'],
      ['Of de klant één keer contact hoefde op te nemen.'],
      ['Wat de klant anders had gewild.'],
    ),
  ),
]

const COMPLAINTS_V1 = document(
  'Klachten zijn cadeaus',
  p(
    'Een klacht vertelt ons wat we kunnen verbeteren. Klachten worden geregistreerd en binnen vijf werkdagen afgehandeld door de afdeling klachtenafhandeling.',
  ),
  ul(['Bedank de klant voor de klacht.'], ['Stuur de klacht door naar de afdeling klachtenafhandeling.']),
)

const COMPLAINTS_V2 = document(
  'Klachten zijn cadeaus',
  kader(
    p(
      'Een klacht vertelt ons wat we kunnen verbeteren. Wie de klacht hoort, is er eigenaar van en lost hem zelf op waar dat kan; de klant heeft binnen één werkdag persoonlijk contact.',
    ),
  ),
  ul(
    ['Bedank de klant voor de klacht.'],
    ['Los het zelf op, binnen de ruimte die de richtlijnen van je regio geven.'],
    ['Lukt dat niet, draag de klacht dan warm over en bel de klant zelf terug.'],
  ),
  ruimte(
    p(
      'Hoe je de klacht oplost — een tegoedbon, een vervangend artikel, gratis bezorging — en tot welk bedrag je dat zelf mag, spreekt de regio af.',
    ),
  ),
)

const IN_CONSULTATION = document(
  'Ruimte om af te wijken',
  kader(
    p(
      'Medewerkers mogen van een regel afwijken als dat de klant aantoonbaar beter helpt, zolang ze het achteraf kunnen uitleggen.',
    ),
  ),
  ruimte(p('Elke regio spreekt af tot welk bedrag een medewerker zelf mag beslissen.')),
  ul(['Leg kort vast waarom je afweek.'], ['Bespreek afwijkingen maandelijks in het team, zonder schuldvraag.']),
)

export async function userWithAbility(email: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { email }, include: { memberships: true } })
  return { user, ability: defineAbilityFor(user) }
}

async function publishThroughConsultation(
  principleId: string,
  changeNote: string,
  hq: Awaited<ReturnType<typeof userWithAbility>>,
) {
  await openConsultation(hq.ability, hq.user.id, principleId, new Date(Date.now() + 14 * 86_400_000))
  const { revision } = await prisma.principle.findUniqueOrThrow({
    where: { id: principleId },
    select: { revision: true },
  })
  return publishPrinciple(hq.ability, hq.user.id, principleId, { changeNote, baseRevision: revision })
}

/** HQ's v2 of "Klachten zijn cadeaus", published after the regions wrote guidelines under v1. */
export async function publishDemoComplaintsV2() {
  const hq = await userWithAbility('hq@leidraad.test')
  const complaints = await prisma.principle.findUniqueOrThrow({ where: { slug: 'klachten-zijn-cadeaus' } })
  await savePrinciple(hq.ability, hq.user.id, complaints.id, { ...COMPLAINTS_V2, baseRevision: complaints.revision })
  await publishThroughConsultation(
    complaints.id,
    'Klachten worden niet meer doorgestuurd maar opgelost door wie ze hoort; contact binnen één werkdag in plaats van afhandeling binnen vijf werkdagen.',
    hq,
  )
}

/** Seeds the demo principles (v1 of each, one in consultation) once, when there are none yet. */
export async function seedDemoPrinciples(): Promise<boolean> {
  if ((await prisma.principle.count()) > 0) return false
  const hq = await userWithAbility('hq@leidraad.test')
  const firstNote = 'Eerste versie, na consultatie met alle regio’s.'

  for (const [index, content] of PUBLISHED.entries()) {
    const principle = await createPrinciple(hq.ability, hq.user.id, content)
    await publishThroughConsultation(principle.id, firstNote, hq)
    if (index === 2) {
      const complaints = await createPrinciple(hq.ability, hq.user.id, COMPLAINTS_V1)
      await publishThroughConsultation(complaints.id, firstNote, hq)
    }
  }

  const proposal = await createPrinciple(hq.ability, hq.user.id, IN_CONSULTATION)
  const open = await openConsultation(hq.ability, hq.user.id, proposal.id, new Date(Date.now() + 21 * 86_400_000))
  const principle = {
    ...open,
    status: 'consultation' as const,
    consultationEndsAt: new Date(Date.now() + 21 * 86_400_000),
  }
  const noord = await userWithAbility('manager.noord@leidraad.test')
  const zuid = await userWithAbility('manager.zuid@leidraad.test')
  const zuidMember = await userWithAbility('member.zuid@leidraad.test')
  const regionOf = (u: typeof noord) => u.user.memberships[0]!.regionId
  const first = await addComment(noord.ability, noord.user.id, principle, {
    regionId: regionOf(noord),
    body: 'Goed voorstel. Bij ons vragen teams wel om een voorbeeld van een bedrag: is € 50 per klant een redelijk uitgangspunt?',
  })
  await addComment(hq.ability, hq.user.id, principle, {
    regionId: null,
    parentId: first.id,
    body: 'Dat laten we bewust aan de regio’s. € 50 is een prima startpunt voor jullie richtlijn.',
  })
  await addComment(zuid.ability, zuid.user.id, principle, {
    regionId: regionOf(zuid),
    body: 'Graag expliciet opnemen dat afwijken nooit ten koste mag gaan van de veiligheid van klant of medewerker.',
  })
  await addComment(zuidMember.ability, zuidMember.user.id, principle, {
    regionId: regionOf(zuidMember),
    body: 'Vanuit het team: “achteraf kunnen uitleggen” voelt als controle. Kan het positiever, bijvoorbeeld “delen wat je leerde”?',
  })
  return true
}
