// Demo customer signals: three months in Noord and Zuid, logged by their teams against the rules
// they applied. Noord's complaints guideline got a second version 40 days ago ("solve it yourself,
// call back the same day" instead of "pass it on") and its complaints dropped and scores rose
// since; "Pakket kwijt" draws more complaints this month than Noord's threshold (its manager's
// start page suggests a review); some signals found no rule. Zuid applies "Klachten zijn cadeaus"
// as written, so HQ can compare Noord's own way with the main line.
import type { SignalChannel, SignalKind } from '~/generated/prisma/enums.ts'
import { decide } from '~/models/decision.server.ts'
import { publishGuideline, saveGuideline } from '~/models/guideline.server.ts'
import { prisma } from '~/utils/db.server.ts'
import { content } from './guidelines.ts'
import { userWithAbility } from './principles.ts'

const DAY = 86_400_000
const COMPLAINTS_TITLE = 'Klachten in Noord: vastleggen en doorsturen'
/** When the versions of Noord's complaints guideline took effect, in days before the seed. */
const V1_DAYS_AGO = 100
const V2_DAYS_AGO = 40

/** Noord's complaints guideline, v2: the team solves complaints itself (published before HQ's v2). */
export async function reviseDemoComplaintsGuideline() {
  const manager = await userWithAbility('manager.noord@leidraad.test')
  const guideline = await prisma.guideline.findFirstOrThrow({
    where: { title: COMPLAINTS_TITLE },
    select: { id: true, revision: true },
  })
  const { revision } = await saveGuideline(manager.ability, manager.user.id, guideline.id, {
    ...content(
      COMPLAINTS_TITLE,
      'Bedank de klant en los de klacht zelf op als dat binnen je ruimte past. Lukt dat niet, leg de klacht vast en bel de klant dezelfde dag nog terug met wie hem verder helpt.',
      [
        'Doorsturen zonder terugbellen doen we niet meer.',
        'Vraag na afloop hoe de klant geholpen is (een cijfer van 1 tot 5).',
      ],
    ),
    baseRevision: guideline.revision,
  })
  await publishGuideline(manager.ability, manager.user.id, guideline.id, {
    changeNote: 'Klanten klaagden dat ze van het kastje naar de muur gingen: we lossen het nu zelf op en bellen terug.',
    reviewBy: new Date(Date.now() + 365 * DAY),
    baseRevision: revision,
  })
}

type Rule = { title: string } | { principle: string } | 'noRule' | 'none'
interface Batch {
  rule: Rule
  kind: SignalKind
  /** Days before the seed, oldest first. */
  days: number[]
  said: string[]
  /** Scores given, in turn (null: no score asked). */
  scores?: (number | null)[]
}

const NOORD: Batch[] = [
  // The complaints guideline under v1 (100–40 days ago): passed on, customers waited.
  {
    rule: { title: COMPLAINTS_TITLE },
    kind: 'complaint',
    days: [88, 85, 81, 78, 76, 72, 69, 66, 63, 60, 57, 54, 50, 47, 44, 42],
    said: [
      'Ik moest drie keer mijn verhaal doen voordat iemand iets deed.',
      'Mijn klacht is doorgestuurd en daarna hoorde ik niets meer.',
      'Vijf werkdagen wachten op een antwoord over een kapotte stoel is te lang.',
      'Aan de balie zeiden ze dat ze er niets aan konden doen.',
      'Niemand voelt zich verantwoordelijk, ik word van het kastje naar de muur gestuurd.',
      'Het klachtenformulier was lang en ik kreeg alleen een automatisch bericht.',
    ],
    scores: [2, 1, null, 2, 3, 2, null, 1, 2, 3, 2, null, 2, 1, 3, 2],
  },
  {
    rule: { title: COMPLAINTS_TITLE },
    kind: 'question',
    days: [80, 64, 49],
    said: ['Wanneer hoor ik iets over mijn klacht?', 'Bij wie kan ik terecht als de klachtenafdeling niet reageert?'],
    scores: [3, null, 3],
  },
  // Under v2 (the last 40 days): solved at the counter, called back the same day.
  {
    rule: { title: COMPLAINTS_TITLE },
    kind: 'complaint',
    days: [33, 21, 9],
    said: [
      'Het werd opgelost, maar ik moest wel lang wachten aan de balie.',
      'Terugbellen gebeurde pas aan het eind van de middag.',
    ],
    scores: [3, 3, null],
  },
  {
    rule: { title: COMPLAINTS_TITLE },
    kind: 'compliment',
    days: [36, 30, 25, 17, 12, 6, 2],
    said: [
      'De medewerker loste het meteen op, zonder gedoe.',
      'Fijn dat jullie dezelfde dag terugbelden.',
      'Eindelijk iemand die het zelf regelt in plaats van doorstuurt.',
      'Netjes teruggebeld, precies zoals beloofd.',
    ],
    scores: [5, 4, 5, 4, 5, 4, 5],
  },
  // A rule customers keep running into this month: over Noord's threshold (3 in 30 days).
  {
    rule: { title: 'Pakket kwijt: na vijf werkdagen opnieuw versturen' },
    kind: 'complaint',
    days: [70, 26, 19, 14, 8, 4],
    said: [
      'Vijf werkdagen wachten op een pakket dat al kwijt is, is veel te lang.',
      'Ik heb het cadeau nodig voor zaterdag; waarom kan het niet eerder opnieuw verstuurd worden?',
      'De vervoerder zegt dat het bezorgd is, jullie zeggen wachten.',
      'Ik moest zelf drie keer bellen om te horen dat ik nog moest wachten.',
    ],
    scores: [2, 1, 2, null, 2, 1],
  },
  {
    rule: { title: 'Geld terug met aankoopbewijs binnen 30 dagen' },
    kind: 'compliment',
    days: [84, 71, 58, 39, 23, 11],
    said: ['Geld terug zonder vragen, zo hoort het.', 'Het terugbrengen ging snel en vriendelijk.'],
    scores: [5, 4, 5, null, 4, 5],
  },
  {
    rule: { title: 'Zelf beslissen tot € 50 per klant' },
    kind: 'compliment',
    days: [77, 52, 34, 15],
    said: [
      'Ik kreeg meteen een tegoedbon voor het ongemak, heel sympathiek.',
      'Gratis bezorging als excuus, dat waardeer ik.',
    ],
    scores: [5, 5, 4, null],
  },
  {
    rule: { title: 'Meer dan drie wachtenden: tweede balie open' },
    kind: 'suggestion',
    days: [61, 28],
    said: [
      'Zet op zaterdagochtend standaard twee mensen achter de balie.',
      'Een nummertjessysteem zou het wachten eerlijker maken.',
    ],
  },
  {
    rule: { principle: 'collega-s-zijn-elkaars-klant' },
    kind: 'complaint',
    days: [68, 43, 16],
    said: ['De winkel wist niet wat de webshop had beloofd.', 'Het magazijn en de balie gaven mij een ander verhaal.'],
    scores: [2, null, 3],
  },
  {
    rule: 'noRule',
    kind: 'question',
    days: [74, 55, 31, 13, 3],
    said: [
      'Kan ik mijn pakket ook bij de buren laten afleveren als ik niet thuis ben?',
      'Mag ik een artikel uit de webshop in de winkel ruilen voor een andere maat én kleur?',
      'Kan ik met mijn telefoon een cadeaukaart kopen voor iemand anders?',
    ],
  },
  {
    rule: 'noRule',
    kind: 'complaint',
    days: [46, 18, 7],
    said: [
      'Ik kon mijn bestelling niet ophalen omdat mijn partner de bevestiging op zijn telefoon had.',
      'Er is geen plek om te zitten terwijl ik wacht.',
    ],
    scores: [2, 3, null],
  },
  {
    rule: 'noRule',
    kind: 'suggestion',
    days: [37, 10],
    said: ['Verkoop ook losse onderdelen, dan hoef ik geen hele kast te vervangen.'],
  },
  {
    rule: 'none',
    kind: 'compliment',
    days: [86, 62, 48, 29, 20, 5, 1],
    said: [
      'Wat een vriendelijke hulp vandaag.',
      'Goed advies gekregen over de juiste lamp.',
      'De winkel ziet er netjes uit.',
    ],
    scores: [5, 4, null, 5, 4, 5, null],
  },
  {
    rule: 'none',
    kind: 'question',
    days: [82, 40, 22, 11],
    said: ['Zijn jullie op tweede kerstdag open?', 'Verkopen jullie ook reserveonderdelen?'],
  },
]

const ZUID: Batch[] = [
  // "Klachten zijn cadeaus" as written: HQ's main line, no local guideline.
  {
    rule: { principle: 'klachten-zijn-cadeaus' },
    kind: 'complaint',
    days: [83, 75, 67, 58, 51, 39, 32, 24, 15, 6],
    said: [
      'Ik wist niet bij wie ik met mijn klacht terecht kon.',
      'Mijn klacht werd aangenomen, maar niemand belde terug.',
      'De medewerker wilde wel helpen, maar mocht niets beslissen.',
    ],
    scores: [2, 3, 2, null, 2, 3, 2, 2, null, 3],
  },
  {
    rule: { principle: 'klachten-zijn-cadeaus' },
    kind: 'compliment',
    days: [63, 27, 9],
    said: ['Mijn klacht werd serieus genomen, dank daarvoor.'],
    scores: [4, 4, 5],
  },
  {
    rule: { title: 'De klant kiest het kanaal' },
    kind: 'compliment',
    days: [87, 70, 56, 41, 26, 13, 4],
    said: [
      'Fijn dat jullie me via WhatsApp terugbelden, zoals ik vroeg.',
      'Eindelijk een winkel die mailt in plaats van belt.',
    ],
    scores: [5, 4, 5, 4, null, 5, 4],
  },
  {
    rule: { title: 'De klant kiest het kanaal' },
    kind: 'question',
    days: [60, 19],
    said: ['Kunnen jullie mij ook via de chat op de hoogte houden?'],
  },
  {
    rule: { title: 'Nee met een doorverwijzing' },
    kind: 'complaint',
    days: [79, 66, 47, 33, 12],
    said: [
      'Ik werd zomaar doorgestuurd naar een andere organisatie.',
      'Ik kreeg alleen een nummer mee, geen oplossing.',
    ],
    scores: [2, 1, 2, null, 2],
  },
  {
    rule: 'noRule',
    kind: 'question',
    days: [72, 44, 21, 8],
    said: ['Mag mijn hond mee de winkel in?', 'Kan ik ook in termijnen betalen?'],
  },
  {
    rule: 'none',
    kind: 'compliment',
    days: [81, 50, 30, 14, 3],
    said: ['Heel behulpzaam personeel.', 'Snel geholpen aan de kassa.'],
    scores: [4, 5, null, 4, 5],
  },
]

const CHANNELS: SignalChannel[] = [
  'counter',
  'counter',
  'phone',
  'counter',
  'mail',
  'chat',
  'counter',
  'phone',
  'social',
]

/**
 * Backdates the versions of the rules the signals are about, decides that Zuid applies "Klachten
 * zijn cadeaus" as written, and logs the demo signals.
 */
export async function seedDemoSignals(now = new Date()) {
  const [noord, zuid] = await Promise.all([
    prisma.region.findUniqueOrThrow({ where: { slug: 'noord' }, select: { id: true } }),
    prisma.region.findUniqueOrThrow({ where: { slug: 'zuid' }, select: { id: true } }),
  ])
  if ((await prisma.customerSignal.count({ where: { regionId: { in: [noord.id, zuid.id] } } })) > 0) return
  // The rules the signals are about took effect before them: v1 100 days ago (and the complaints
  // guideline's v2 40 days ago). Versions are immutable, so only the demo does this, with the guard
  // switched off inside one transaction.
  const titles = [...NOORD, ...ZUID].flatMap((b) =>
    typeof b.rule === 'object' && 'title' in b.rule ? [b.rule.title] : [],
  )
  const v1 = new Date(now.getTime() - V1_DAYS_AGO * DAY)
  const v2 = new Date(now.getTime() - V2_DAYS_AGO * DAY)
  await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`ALTER TABLE "GuidelineVersion" DISABLE TRIGGER "GuidelineVersion_immutable"`
    await tx.$executeRaw`UPDATE "GuidelineVersion" v SET "publishedAt" = CASE v."number" WHEN 1 THEN ${v1}::timestamp ELSE ${v2}::timestamp END
      FROM "Guideline" g WHERE g."id" = v."guidelineId" AND g."regionId" = ANY(${[noord.id, zuid.id]}::text[])
        AND g."title" = ANY(${titles}::text[])`
    await tx.$executeRaw`ALTER TABLE "GuidelineVersion" ENABLE TRIGGER "GuidelineVersion_immutable"`
  })

  const zuidManager = await userWithAbility('manager.zuid@leidraad.test')
  await decide(zuidManager.ability, zuidManager.user.id, {
    regionId: zuid.id,
    principleId: (await prisma.principle.findUniqueOrThrow({ where: { slug: 'klachten-zijn-cadeaus' } })).id,
    kind: 'applies_as_written',
  })

  const authors = await prisma.user.findMany({
    where: {
      email: {
        in: [
          'balie.noord@leidraad.test',
          'member.noord@leidraad.test',
          'balie.zuid@leidraad.test',
          'member.zuid@leidraad.test',
        ],
      },
    },
    select: { id: true, email: true },
  })
  const authorOf = (email: string) => authors.find((a) => a.email === email)!.id
  const [guidelines, principles] = await Promise.all([
    prisma.guideline.findMany({
      where: { regionId: { in: [noord.id, zuid.id] }, publishedVersion: { gt: 0 } },
      select: {
        id: true,
        title: true,
        principleId: true,
        regionId: true,
        versions: { select: { number: true, publishedAt: true } },
      },
    }),
    prisma.principle.findMany({ select: { id: true, slug: true } }),
  ])

  let n = 0
  const rows = [[noord.id, NOORD, 'noord'] as const, [zuid.id, ZUID, 'zuid'] as const].flatMap(
    ([regionId, batches, slug]) =>
      batches.flatMap((batch) => {
        const guideline =
          typeof batch.rule === 'object' && 'title' in batch.rule
            ? guidelines.find((g) => g.regionId === regionId && g.title === (batch.rule as { title: string }).title)
            : undefined
        if (typeof batch.rule === 'object' && 'title' in batch.rule && !guideline)
          throw new Error(`Demo signals: no guideline "${batch.rule.title}" in ${slug}`)
        const principleId =
          guideline?.principleId ??
          (typeof batch.rule === 'object' && 'principle' in batch.rule
            ? principles.find((p) => p.slug === (batch.rule as { principle: string }).principle)!.id
            : null)
        return batch.days.map((daysAgo, index) => {
          n++
          // During opening hours, spread over the day.
          const occurredAt = new Date(now.getTime() - daysAgo * DAY - ((n * 7) % 8) * 3_600_000)
          const version = guideline?.versions
            .filter((v) => v.publishedAt <= occurredAt)
            .sort((a, b) => b.number - a.number)[0]
          return {
            regionId,
            kind: batch.kind,
            channel: CHANNELS[n % CHANNELS.length]!,
            said: batch.said[index % batch.said.length]!,
            score: batch.scores?.[index] ?? null,
            guidelineId: guideline?.id ?? null,
            principleId,
            versionNumber: version?.number ?? null,
            noRule: batch.rule === 'noRule',
            occurredAt,
            createdAt: occurredAt,
            authorId: authorOf(`${n % 3 === 0 ? 'member' : 'balie'}.${slug}@leidraad.test`),
          }
        })
      }),
  )
  await prisma.customerSignal.createMany({ data: rows })
}
