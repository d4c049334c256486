// `npm run bench:coverage`: builds an organisation of 50 regions × 200 published principles with
// guidelines in ~80% of the cells (and decisions in another 5%) in the database DATABASE_URL names
// (default: an in-memory PGlite), then times HQ's coverage overview and a region's workspace query.
// Prints numbers; asserts nothing.
import { performance } from 'node:perf_hooks'
import { coverageMatrix } from '~/models/coverage.server.ts'
import { defineAbilityFor } from '~/permissions/ability.server.ts'
import { closeDatabase, databaseConfig, databaseReady, prisma } from '~/utils/db.server.ts'

const REGIONS = 50
const PRINCIPLES = 200
const RUNS = 10

await databaseReady()
const stamp = Date.now().toString(36)
const hq = await prisma.user.create({
  data: { email: `bench-hq-${stamp}@example.test`, name: 'Bench HQ', orgRole: 'hq_editor', passwordHash: 'x' },
})
const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Benchmark' }] }] }

console.log(`Filling ${databaseConfig.engine}: ${REGIONS} regions × ${PRINCIPLES} principles …`)
await prisma.region.createMany({
  data: Array.from({ length: REGIONS }, (_, i) => ({ name: `Bench ${stamp} ${i}`, slug: `bench-${stamp}-${i}` })),
})
const regions = await prisma.region.findMany({
  where: { slug: { startsWith: `bench-${stamp}-` } },
  select: { id: true },
})
const maxPosition = (await prisma.principle.aggregate({ _max: { position: true } }))._max.position ?? 0
await prisma.principle.createMany({
  data: Array.from({ length: PRINCIPLES }, (_, i) => ({
    slug: `bench-${stamp}-${i}`,
    title: `Principe ${i}`,
    body,
    bodyText: 'Benchmark',
    status: 'published' as const,
    publishedVersion: 2,
    position: maxPosition + i + 1,
    createdById: hq.id,
    updatedById: hq.id,
  })),
})
const principles = await prisma.principle.findMany({
  where: { slug: { startsWith: `bench-${stamp}-` } },
  select: { id: true },
})
await prisma.principleVersion.createMany({
  data: principles.flatMap((p) =>
    [1, 2].map((number) => ({
      principleId: p.id,
      number,
      title: 'Principe',
      body,
      bodyText: 'Benchmark',
      changeNote: 'v',
      publishedById: hq.id,
    })),
  ),
})
const guidelines: object[] = []
const decisions: object[] = []
regions.forEach((region, r) =>
  principles.forEach((principle, p) => {
    const roll = (r * 31 + p * 17) % 100
    if (roll < 80) {
      guidelines.push({
        regionId: region.id,
        principleId: principle.id,
        title: `Richtlijn ${r}-${p}`,
        body,
        bodyText: 'Benchmark',
        status: roll < 60 ? 'published' : roll < 70 ? 'review' : 'draft',
        publishedVersion: roll < 60 ? 1 : 0,
        basedOnPrincipleVersion: roll < 10 ? 1 : 2,
        reviewBy: new Date(Date.now() + (roll < 5 ? -1 : 1) * 86_400_000 * 30),
        createdById: hq.id,
        updatedById: hq.id,
      })
    } else if (roll < 85) {
      decisions.push({
        regionId: region.id,
        principleId: principle.id,
        kind: 'applies_as_written',
        basedOnPrincipleVersion: 2,
        decidedById: hq.id,
      })
    }
  }),
)
for (let i = 0; i < guidelines.length; i += 2000)
  await prisma.guideline.createMany({ data: guidelines.slice(i, i + 2000) as never })
await prisma.principleDecision.createMany({ data: decisions as never })
console.log(`${guidelines.length} guidelines, ${decisions.length} decisions.`)

const ability = defineAbilityFor({ ...hq, memberships: [] })
async function time(label: string, run: () => Promise<unknown>) {
  await run() // warm-up
  const samples: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now()
    await run()
    samples.push(performance.now() - start)
  }
  samples.sort((a, b) => a - b)
  console.log(
    `${label}: median ${samples[Math.floor(RUNS / 2)]!.toFixed(1)} ms, max ${samples.at(-1)!.toFixed(1)} ms (${RUNS} runs)`,
  )
}
await time('HQ coverage overview (all regions × all principles)', () => coverageMatrix(ability))
await time('one region’s workspace', () => coverageMatrix(ability, { regionId: regions[0]!.id }))
await closeDatabase()
