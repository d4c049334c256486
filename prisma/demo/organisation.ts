import type { OrgRole, RegionRole } from '~/generated/prisma/enums.ts'
import { prisma } from '~/utils/db.server.ts'
import { logger } from '~/utils/logger.server.ts'
import { hashPassword } from '~/utils/password.server.ts'
import { slugify } from '~/utils/slug.ts'
import { recordAudit } from '~/models/audit.server.ts'
import { seedDemoGuidelines } from './guidelines.ts'
import { publishDemoComplaintsV2, seedDemoPrinciples } from './principles.ts'
import { seedDemoReadRates } from './read-rates.ts'
import { reviseDemoComplaintsGuideline, seedDemoSignals } from './signals.ts'
import { seedDemoExamplesAndProposals } from './regions-learn.ts'

/** Demo data only: printed at start-up, never use it for real accounts. */
export const DEMO_PASSWORD = 'leidraad-demo'

export const DEMO_REGIONS = [
  { name: 'Noord', description: 'Groningen, Friesland en Drenthe' },
  { name: 'Oost', description: 'Overijssel en Gelderland' },
  { name: 'Zuid', description: 'Noord-Brabant en Limburg' },
  { name: 'West', description: 'Holland, Utrecht en Zeeland' },
]

interface DemoUser {
  email: string
  name: string
  orgRole?: OrgRole
  region?: { name: string; role: RegionRole }
}

export const DEMO_USERS: DemoUser[] = [
  { email: 'admin@leidraad.test', name: 'Anna Admin', orgRole: 'admin' },
  { email: 'hq@leidraad.test', name: 'Hugo Hoofdkantoor', orgRole: 'hq_editor' },
  ...(['Noord', 'Zuid'] as const).flatMap((region) => {
    const r = region.toLowerCase()
    const people: [RegionRole, string, string][] =
      region === 'Noord'
        ? [
            ['manager', 'manager', 'Marieke de Vries'],
            ['member', 'member', 'Sanne Bakker'],
            ['frontline', 'balie', 'Bram Visser'],
          ]
        : [
            ['manager', 'manager', 'Joost Janssen'],
            ['member', 'member', 'Fleur van den Berg'],
            ['frontline', 'balie', 'Noah Peeters'],
          ]
    return people.map(([role, prefix, name]) => ({
      email: `${prefix}.${r}@leidraad.test`,
      name,
      region: { name: region, role },
    }))
  }),
]

/**
 * Creates or restores the demo organisation: the four regions and the demo users with the demo
 * password and their roles, then (into a database without principles) the demo's principles,
 * guidelines and read rates. Leaves anything else in the database alone.
 *
 * Seeding takes many transactions (it goes through the app's own domain functions), so a kill can
 * stop it half-way. `fromEmpty` marks a seed into an empty database: its first transaction records
 * that it began, its last that it completed, and a database with a beginning but no completion
 * holds nothing but a half-made demo — `seedDemoIfEmpty` (every start) and `npm run db:seed`
 * clear it and seed again.
 */
export async function seedDemoOrganisation(options: { fromEmpty?: boolean } = {}): Promise<void> {
  if (await demoSeedInterrupted()) {
    logger.warn('The demo seed was interrupted earlier: clearing the half-made demo and seeding it again.')
    await clearDatabase()
    options = { fromEmpty: true }
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  await prisma.$transaction(async (tx) => {
    const regions = new Map<string, string>()
    for (const region of DEMO_REGIONS) {
      const row = await tx.region.upsert({
        where: { slug: slugify(region.name) },
        update: {},
        create: { name: region.name, slug: slugify(region.name), description: region.description },
      })
      regions.set(region.name, row.id)
    }
    for (const demo of DEMO_USERS) {
      const user = await tx.user.upsert({
        where: { email: demo.email },
        update: {
          name: demo.name,
          orgRole: demo.orgRole ?? null,
          passwordHash,
          mustChangePassword: false,
          deactivatedAt: null,
        },
        create: { email: demo.email, name: demo.name, orgRole: demo.orgRole ?? null, passwordHash },
      })
      if (demo.region) {
        const regionId = regions.get(demo.region.name)!
        await tx.membership.upsert({
          where: { userId_regionId: { userId: user.id, regionId } },
          update: { role: demo.region.role },
          create: { userId: user.id, regionId, role: demo.region.role },
        })
      }
    }
    await recordAudit(tx, {
      actorId: null,
      action: 'demo.seed',
      subjectType: 'Organisation',
      subjectId: 'demo',
      after: options.fromEmpty ? { fromEmpty: true } : undefined,
    })
  })
  // Principles (v1), then the regions' guidelines under them (Noord's complaints guideline in two
  // versions), then HQ's v2 of one principle, so the demo shows a guideline that needs review;
  // then three months of customer signals.
  if (await seedDemoPrinciples()) {
    await seedDemoGuidelines()
    await reviseDemoComplaintsGuideline()
    await publishDemoComplaintsV2()
    await seedDemoSignals()
    await seedDemoExamplesAndProposals()
  }
  await seedDemoReadRates()
  await seedDemoToneReports()
  await prisma.auditEvent.create({
    data: { action: 'demo.seed.complete', subjectType: 'Organisation', subjectId: 'demo' },
  })
}

/** A seed into an empty database began and never completed (see seedDemoOrganisation). */
async function demoSeedInterrupted(): Promise<boolean> {
  const [began, completed] = await Promise.all([
    prisma.auditEvent.count({ where: { action: 'demo.seed', after: { path: ['fromEmpty'], equals: true } } }),
    prisma.auditEvent.count({ where: { action: 'demo.seed.complete' } }),
  ])
  return began > 0 && completed === 0
}

/** Empties every table but the migrations' record (only ever for a half-made demo). */
async function clearDatabase() {
  const tables = await prisma.$queryRaw<{ name: string }[]>`
    SELECT quote_ident(tablename) AS name FROM pg_tables
    WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`
  if (tables.length) await prisma.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => t.name).join(', ')} CASCADE`)
}

/**
 * On every start of the embedded database: seed the demo organisation into an empty database (or
 * finish a seed a kill interrupted) and say how to sign in.
 */
export async function seedDemoIfEmpty(): Promise<boolean> {
  if ((await prisma.user.count()) > 0 && !(await demoSeedInterrupted())) return false
  await seedDemoOrganisation({ fromEmpty: true })
  logger.info(
    { users: DEMO_USERS.map((u) => u.email) },
    `Seeded the demo organisation. Sign in as any of these users with password "${DEMO_PASSWORD}" (demo data only).`,
  )
  return true
}

/** Two writers' reports on the tone check, waiting for HQ on the tone page (once; a re-seed keeps them). */
async function seedDemoToneReports() {
  const [manager, member] = await Promise.all([
    prisma.user.findUniqueOrThrow({ where: { email: 'manager.noord@leidraad.test' }, select: { id: true } }),
    prisma.user.findUniqueOrThrow({ where: { email: 'member.zuid@leidraad.test' }, select: { id: true } }),
  ])
  await prisma.toneReport.createMany({
    data: [
      { reporterId: manager.id, kind: 'missed', text: 'Die tafels gaan twintig jaar mee bij normaal gebruik.' },
      {
        reporterId: member.id,
        kind: 'wrongFlag',
        familyId: 'systeem-weigert',
        text: 'De kassa accepteert geen briefjes van 500 euro, dat is landelijk zo afgesproken.',
      },
    ],
    skipDuplicates: true,
  })
}
