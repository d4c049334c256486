// Demo guidelines: Noord has translated most principles (one guideline will need review after
// HQ's v2 of "Klachten zijn cadeaus", one draft in review with comments and customer input);
// Noord's handbook also holds its everyday counter rules (noord-handbook.ts). Zuid is behind (two
// guidelines, one "not applicable" decision); Oost and West have nothing.
// Seeded through the domain functions, so the review flow, validation and audit apply.
import { parseDocument } from '~/editor/document.ts'
import { prisma } from '~/utils/db.server.ts'
import { decide } from '~/models/decision.server.ts'
import { userWithAbility } from './principles.ts'
import { createGuideline, publishGuideline, submitForReview } from '~/models/guideline.server.ts'
import { addGuidelineComment } from '~/models/comment.server.ts'
import { addCustomerInput } from '~/models/customer-input.server.ts'
import { seedNoordHandbook } from './noord-handbook.ts'

export type Actor = Awaited<ReturnType<typeof userWithAbility>>

export function content(title: string, paragraph: string, bullets: string[] = []) {
  const doc = {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: paragraph }] },
      ...(bullets.length
        ? [
            {
              type: 'bulletList',
              content: bullets.map((text) => ({
                type: 'listItem',
                content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
              })),
            },
          ]
        : []),
    ],
  }
  const parsed = parseDocument(JSON.stringify(doc))
  if (!parsed.ok) throw new Error(`Demo guideline "${title}": ${parsed.error}`)
  return { title, json: parsed.json, text: parsed.text }
}

const inOneYear = () => new Date(Date.now() + 365 * 86_400_000)

async function principleId(slug: string) {
  return (await prisma.principle.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id
}

export async function written(
  writer: Actor,
  manager: Actor,
  slug: string,
  doc: ReturnType<typeof content>,
  publish = true,
) {
  const regionId = manager.user.memberships[0]!.regionId
  const guideline = await createGuideline(writer.ability, writer.user.id, {
    ...doc,
    regionId,
    principleId: await principleId(slug),
  })
  if (writer.user.id !== manager.user.id) await submitForReview(writer.ability, writer.user.id, guideline.id)
  if (publish) {
    await publishGuideline(manager.ability, manager.user.id, guideline.id, {
      changeNote: 'Eerste versie, besproken in het teamoverleg.',
      reviewBy: inOneYear(),
      baseRevision: 1,
    })
  }
  return guideline
}

export async function seedDemoGuidelines() {
  const [noordManager, noordMember, zuidManager, zuidMember] = await Promise.all([
    userWithAbility('manager.noord@leidraad.test'),
    userWithAbility('member.noord@leidraad.test'),
    userWithAbility('manager.zuid@leidraad.test'),
    userWithAbility('member.zuid@leidraad.test'),
  ])

  await written(
    noordMember,
    noordManager,
    'de-klant-beslist-wat-goede-service-is',
    content(
      'Aan de balie: eerst vragen, dan aanbieden',
      'Begin elk gesprek aan de balie met de vraag wat de klant vandaag wil bereiken. Bied pas daarna een oplossing aan.',
      [
        'Twijfel je tussen twee regels, kies dan de uitleg die voor deze klant het beste uitpakt.',
        'Noteer in het klantbeeld wat de klant belangrijk vond.',
      ],
    ),
  )
  await written(
    noordManager,
    noordManager,
    'iedere-medewerker-is-eigenaar-van-de-klantvraag',
    content(
      'Terugbellen doe je zelf',
      'Beloof je een klant een antwoord, dan bel je zelf terug — ook als een collega het antwoord heeft gevonden.',
      [
        'Zet de terugbelafspraak in je eigen agenda, niet in de algemene bak.',
        'Lukt het niet op tijd, bel dan toch en zeg wanneer het wel lukt.',
      ],
    ),
  )
  await written(
    noordMember,
    noordManager,
    'een-eerlijk-nee-altijd-met-een-alternatief',
    content(
      'Nee aan de balie, met een alternatief',
      'Kunnen we iets niet doen, zeg dat dan in de eerste minuut en bied minstens één alternatief: een andere oplossing, een collega of een andere organisatie die wel kan helpen.',
    ),
  )
  // Written under v1 of "Klachten zijn cadeaus": needs review once HQ publishes v2.
  await written(
    noordManager,
    noordManager,
    'klachten-zijn-cadeaus',
    content(
      'Klachten in Noord: vastleggen en doorsturen',
      'Bedank de klant, leg de klacht vast in het klachtenformulier en stuur hem dezelfde dag door naar klachtenafhandeling.',
      ['Vertel de klant dat hij binnen vijf werkdagen antwoord krijgt.'],
    ),
  )
  await decide(noordManager.ability, noordManager.user.id, {
    regionId: noordManager.user.memberships[0]!.regionId,
    principleId: await principleId('collega-s-zijn-elkaars-klant'),
    kind: 'applies_as_written',
  })

  // A draft in review, with customer input and the team's comments.
  const inReview = await createGuideline(noordMember.ability, noordMember.user.id, {
    ...content(
      'Klantreacties bespreken we elke maand',
      'Elke eerste dinsdag van de maand bespreekt het team de klantreacties van de afgelopen maand: wat ging goed, wat moet anders, en wie pakt wat op.',
      ['We lezen minstens tien reacties hardop voor.', 'Elke verbetering krijgt een eigenaar en een datum.'],
    ),
    regionId: noordMember.user.memberships[0]!.regionId,
    principleId: await principleId('we-meten-wat-klanten-ervaren'),
  })
  const draftRef = { id: inReview.id, regionId: inReview.regionId, status: 'draft' as const }
  await addCustomerInput(noordMember.ability, noordMember.user.id, draftRef, {
    said: 'Ik vul steeds die enquêtes in, maar ik hoor nooit wat jullie ermee doen.',
    source: 'survey',
    heardOn: new Date(Date.now() - 20 * 86_400_000),
  })
  await addCustomerInput(noordMember.ability, noordMember.user.id, draftRef, {
    said: 'Fijn dat de balie nu zelf terugbelt; vroeger moest ik drie keer mijn verhaal doen.',
    source: 'conversation',
    heardOn: new Date(Date.now() - 9 * 86_400_000),
  })
  await submitForReview(noordMember.ability, noordMember.user.id, inReview.id)
  const reviewRef = { ...draftRef, status: 'review' as const }
  const question = await addGuidelineComment(noordManager.ability, noordManager.user.id, reviewRef, {
    body: 'Goed voorstel. Kunnen we ook afspreken dat we klanten laten weten wat we met hun reactie hebben gedaan?',
  })
  await addGuidelineComment(noordMember.ability, noordMember.user.id, reviewRef, {
    parentId: question.id,
    body: 'Ja, ik voeg een punt toe: de eigenaar van een verbetering mailt de klanten die erover begonnen.',
  })

  // Noord's everyday counter rules, under the principles Noord has not otherwise decided on.
  await seedNoordHandbook(noordManager, noordMember)

  // Zuid: two guidelines and one "not applicable" decision.
  await written(
    zuidMember,
    zuidManager,
    'de-klant-beslist-wat-goede-service-is',
    content(
      'De klant kiest het kanaal',
      'Bel, mail of app de klant terug via het kanaal dat de klant zelf kiest, ook als een ander kanaal voor ons handiger is.',
    ),
  )
  await written(
    zuidManager,
    zuidManager,
    'een-eerlijk-nee-altijd-met-een-alternatief',
    content(
      'Nee met een doorverwijzing',
      // Leaves the tone check something to show: HQ sees one warning for Zuid on the coverage overview.
      'Kunnen we niet helpen, zeg dan dat de klant daarvoor bij ons niet aan het goede adres is, en verwijs door naar een organisatie die wel kan helpen en geef het telefoonnummer mee.',
    ),
  )
  await decide(zuidManager.ability, zuidManager.user.id, {
    regionId: zuidManager.user.memberships[0]!.regionId,
    principleId: await principleId('collega-s-zijn-elkaars-klant'),
    kind: 'not_applicable',
    reason:
      'In Zuid werken balie en backoffice in één team op één locatie; er is geen interne dienstverlening tussen afdelingen.',
  })
}
