// Test data: every test makes its own regions and users, so tests never depend on each other.
import crypto from 'node:crypto'
import type { OrgRole, RegionRole } from '~/generated/prisma/enums.ts'
import { startSession } from '~/models/auth.server.ts'
import { prisma } from '~/utils/db.server.ts'
import { hashPassword } from '~/utils/password.server.ts'

export const TEST_PASSWORD = 'correct-horse-battery'
let passwordHash: Promise<string> | undefined

const unique = () => crypto.randomBytes(5).toString('hex')

export async function makeRegion(name = `Regio ${unique()}`) {
  return prisma.region.create({ data: { name, slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-') } })
}

export async function makeUser(
  options: { orgRole?: OrgRole; memberships?: { regionId: string; role: RegionRole }[]; email?: string } = {},
) {
  passwordHash ??= hashPassword(TEST_PASSWORD)
  return prisma.user.create({
    data: {
      email: options.email ?? `user-${unique()}@example.test`,
      name: `Test ${unique()}`,
      orgRole: options.orgRole ?? null,
      passwordHash: await passwordHash,
      memberships: options.memberships ? { create: options.memberships } : undefined,
    },
    include: { memberships: true },
  })
}

/** A Cookie header for a fresh session of the user, as the browser would send it. */
export async function sessionCookie(userId: string): Promise<string> {
  const response = await startSession(userId, '/')
  return response.headers.get('Set-Cookie')!.split(';')[0]!
}

/** One organisation with two regions and a user of every role; "own" region is A. */
export async function makeOrganisation() {
  const [regionA, regionB] = await Promise.all([makeRegion(), makeRegion()])
  const [admin, hq, manager, member, frontline, outsider, otherManager] = await Promise.all([
    makeUser({ orgRole: 'admin' }),
    makeUser({ orgRole: 'hq_editor' }),
    makeUser({ memberships: [{ regionId: regionA.id, role: 'manager' }] }),
    makeUser({ memberships: [{ regionId: regionA.id, role: 'member' }] }),
    makeUser({ memberships: [{ regionId: regionA.id, role: 'frontline' }] }),
    makeUser(),
    makeUser({ memberships: [{ regionId: regionB.id, role: 'manager' }] }),
  ])
  return { regionA, regionB, users: { admin, hq, manager, member, frontline, outsider, otherManager } }
}
