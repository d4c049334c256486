// Test data: every test makes its own regions and users, so tests never depend on each other.
import crypto from 'node:crypto'
import type { GuidelineStatus, OrgRole, PrincipleStatus, RegionRole } from '~/generated/prisma/enums.ts'
import { startSession } from '~/web/auth.server.ts'
import { defineAbilityFor } from '~/permissions/ability.server.ts'
import type { AppAbility } from '~/permissions/ability.ts'
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
  const user = await prisma.user.create({
    data: {
      email: options.email ?? `user-${unique()}@example.test`,
      name: `Test ${unique()}`,
      orgRole: options.orgRole ?? null,
      passwordHash: await passwordHash,
      memberships: options.memberships ? { create: options.memberships } : undefined,
    },
    include: { memberships: true },
  })
  return { ...user, email: user.email! }
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

type Organisation = Awaited<ReturnType<typeof makeOrganisation>>

/** For each role of the organisation: its ability and a session cookie, as routes would see them. */
export async function signInRoles<R extends keyof Organisation['users']>(org: Organisation, roles: readonly R[]) {
  const abilities = {} as Record<R, AppAbility>
  const cookies = {} as Record<R, string>
  for (const role of roles) {
    const user = await prisma.user.findUniqueOrThrow({
      where: { id: org.users[role].id },
      include: { memberships: true },
    })
    abilities[role] = defineAbilityFor(user)
    cookies[role] = await sessionCookie(user.id)
  }
  return { abilities, cookies }
}

/** A rich-text body as the editor would submit it (a JSON string). */
export function documentJson(...paragraphs: string[]): string {
  return JSON.stringify({
    type: 'doc',
    content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
  })
}

/**
 * A principle straight in the database (no domain rules), in any status; `publishedVersion` > 0
 * also writes those versions.
 */
// Positions are unique in the database, which test files on PostgreSQL share: each process its own range.
let nextPosition = 1_000_000 + (process.pid % 100_000) * 1000

export async function makePrinciple(
  authorId: string,
  options: {
    status?: PrincipleStatus
    publishedVersion?: number
    consultationEndsAt?: Date | null
    title?: string
  } = {},
) {
  const title = options.title ?? `Principe ${unique()}`
  const body = JSON.parse(documentJson(`Tekst van ${title}`))
  const publishedVersion = options.publishedVersion ?? 0
  return prisma.principle.create({
    data: {
      slug: title.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
      title,
      body,
      bodyText: `Tekst van ${title}`,
      status: options.status ?? 'draft',
      publishedVersion,
      // Published principles have a place in HQ's order (as publishPrinciple gives them).
      position: publishedVersion > 0 && options.status !== 'archived' ? nextPosition++ : null,
      consultationEndsAt:
        options.consultationEndsAt ?? (options.status === 'consultation' ? new Date(Date.now() + 86_400_000) : null),
      createdById: authorId,
      updatedById: authorId,
      versions: {
        create: Array.from({ length: publishedVersion }, (_, i) => ({
          number: i + 1,
          title,
          body,
          bodyText: `Tekst van ${title}`,
          changeNote: `Versie ${i + 1}`,
          publishedById: authorId,
        })),
      },
    },
  })
}

/**
 * A guideline straight in the database (no domain rules) under a principle, in any status;
 * `publishedVersion` > 0 also writes those versions.
 */
export async function makeGuideline(
  authorId: string,
  options: {
    regionId: string
    principleId: string
    status?: GuidelineStatus
    publishedVersion?: number
    basedOnPrincipleVersion?: number
    title?: string
  },
) {
  const title = options.title ?? `Richtlijn ${unique()}`
  const body = JSON.parse(documentJson(`Tekst van ${title}`))
  const publishedVersion = options.publishedVersion ?? 0
  const basedOn = options.basedOnPrincipleVersion ?? 1
  return prisma.guideline.create({
    data: {
      regionId: options.regionId,
      principleId: options.principleId,
      title,
      body,
      bodyText: `Tekst van ${title}`,
      status: options.status ?? 'draft',
      publishedVersion,
      basedOnPrincipleVersion: basedOn,
      reviewBy: publishedVersion ? new Date(Date.now() + 365 * 86_400_000) : null,
      createdById: authorId,
      updatedById: authorId,
      versions: {
        create: Array.from({ length: publishedVersion }, (_, i) => ({
          number: i + 1,
          title,
          body,
          bodyText: `Tekst van ${title}`,
          changeNote: `Versie ${i + 1}`,
          basedOnPrincipleVersion: basedOn,
          confirmationVersion: i + 1,
          publishedById: authorId,
        })),
      },
    },
  })
}
