// `npm run bench:notify`: one region with 2 000 frontline staff; a manager publishes a material
// change; the worker turns the event into 2 000 notifications and 2 000 e-mails (all checked with
// each recipient's own ability). Prints how long the request took and how long the fan-out took
// (outside the request). Database: DATABASE_URL (default: an in-memory PGlite). Asserts nothing.
import { performance } from 'node:perf_hooks'
import { parseDocument } from '~/editor/document.ts'
import { createGuideline, publishGuideline } from '~/models/guideline.server.ts'
import { processPendingEvents } from '~/models/notifications.server.ts'
import { defineAbilityFor } from '~/permissions/ability.server.ts'
import { closeDatabase, databaseConfig, databaseReady, prisma } from '~/utils/db.server.ts'

const STAFF = Number(process.env.STAFF ?? 2_000)
const RUNS = 3

await databaseReady()
const stamp = Date.now().toString(36)
console.log(`${databaseConfig.engine}: one region, ${STAFF} frontline staff, ${RUNS} publications`)
const region = await prisma.region.create({ data: { name: `Bench ${stamp}`, slug: `bench-${stamp}` } })
const hq = await prisma.user.create({
  data: { email: `hq-${stamp}@example.test`, name: 'HQ', orgRole: 'hq_editor', passwordHash: 'x' },
})
const manager = await prisma.user.create({
  data: {
    email: `m-${stamp}@example.test`,
    name: 'Manager',
    passwordHash: 'x',
    memberships: { create: { regionId: region.id, role: 'manager' } },
  },
  include: { memberships: true },
})
await prisma.user.createMany({
  data: Array.from({ length: STAFF }, (_, i) => ({
    email: `f-${stamp}-${i}@example.test`,
    name: `Balie ${i}`,
    passwordHash: 'x',
  })),
})
const staff = await prisma.user.findMany({ where: { email: { startsWith: `f-${stamp}-` } }, select: { id: true } })
await prisma.membership.createMany({
  data: staff.map((u) => ({ userId: u.id, regionId: region.id, role: 'frontline' as const })),
})
const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Benchmark' }] }] }
const principle = await prisma.principle.create({
  data: {
    slug: `bench-${stamp}`,
    title: 'Principe',
    body,
    bodyText: 'Benchmark',
    status: 'published',
    publishedVersion: 1,
    position: 1_000_000,
    createdById: hq.id,
    updatedById: hq.id,
    versions: {
      create: { number: 1, title: 'Principe', body, bodyText: 'Benchmark', changeNote: 'v1', publishedById: hq.id },
    },
  },
})
const ability = defineAbilityFor(manager)
const parsed = parseDocument(JSON.stringify(body))
if (!parsed.ok) throw new Error(parsed.error)

for (let run = 1; run <= RUNS; run++) {
  const guideline = await createGuideline(ability, manager.id, {
    title: `Regel ${run}`,
    json: parsed.json,
    text: parsed.text,
    regionId: region.id,
    principleId: principle.id,
  })
  const request = performance.now()
  await publishGuideline(ability, manager.id, guideline.id, {
    changeNote: 'v1',
    reviewBy: new Date(Date.now() + 365 * 86_400_000),
    baseRevision: 1,
  })
  const published = performance.now() - request
  const start = performance.now()
  await processPendingEvents()
  const fanOut = performance.now() - start
  const [notifications, mails] = await Promise.all([
    prisma.notification.count({ where: { link: { contains: guideline.id } } }),
    prisma.mail.count({ where: { userId: { in: staff.map((u) => u.id) }, subject: { contains: `Regel ${run}` } } }),
  ])
  console.log(
    `run ${run}: publish request ${published.toFixed(0)} ms; fan-out ${fanOut.toFixed(0)} ms → ${notifications} notifications, ${mails} e-mails`,
  )
}
await closeDatabase()
