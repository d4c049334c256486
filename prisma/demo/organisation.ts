import type { OrgRole, RegionRole } from '~/generated/prisma/enums.ts'
import { prisma } from '~/utils/db.server.ts'
import { logger } from '~/utils/logger.server.ts'
import { hashPassword } from '~/utils/password.server.ts'
import { slugify } from '~/utils/slug.ts'
import { recordAudit } from '~/models/audit.server.ts'
import { seedDemoGuidelines } from './guidelines.ts'
import { publishDemoComplaintsV2, seedDemoPrinciples } from './principles.ts'
import { seedDemoReadRates } from './read-rates.ts'

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
 * password and their roles. Leaves anything else in the database alone.
 */
export async function seedDemoOrganisation(): Promise<void> {
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
    await recordAudit(tx, { actorId: null, action: 'demo.seed', subjectType: 'Organisation', subjectId: 'demo' })
  })
  // Principles (v1), then the regions' guidelines under them, then HQ's v2 of one principle,
  // so the demo shows a guideline that needs review.
  if (await seedDemoPrinciples()) {
    await seedDemoGuidelines()
    await publishDemoComplaintsV2()
  }
  await seedDemoReadRates()
}

/** On the first start of an empty database: seed the demo organisation and say how to sign in. */
export async function seedDemoIfEmpty(): Promise<boolean> {
  if ((await prisma.user.count()) > 0) return false
  await seedDemoOrganisation()
  logger.info(
    { users: DEMO_USERS.map((u) => u.email) },
    `Seeded the demo organisation. Sign in as any of these users with password "${DEMO_PASSWORD}" (demo data only).`,
  )
  return true
}
