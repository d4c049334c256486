// Staff from the HR system: a CSV export (name, e-mail and/or employee number, region, role),
// first previewed with every row's problem named, then applied in one transaction — all or
// nothing. The file is the truth for what it says: running the same file again changes nothing;
// people in Leidraad but not in the file are listed, and deactivated only when the admin says so.
// Memberships the import made follow the file; memberships someone set by hand are updated when
// the file says otherwise (then they belong to the import), and never removed by it.
import type { RegionRole } from '~/generated/prisma/enums.ts'
import type { AppAbility } from '~/permissions/ability.ts'
import { authorize } from '~/permissions/authorize.ts'
import { prisma } from '~/utils/db.server.ts'
import { Invalid } from '~/utils/errors.ts'
import { readCsvRows } from '~/utils/csv.server.ts'
import { NO_PASSWORD } from '~/utils/password.server.ts'
import { recordAudit } from './audit.server.ts'
import { normalizeEmail } from './auth.server.ts'
import type { Tx } from './document.server.ts'

/** Column names as HR systems write them (Dutch and English), to our fields. */
const COLUMNS: Record<string, 'name' | 'email' | 'employeeNumber' | 'region' | 'role'> = {
  name: 'name',
  naam: 'name',
  'full name': 'name',
  email: 'email',
  'e-mail': 'email',
  emailadres: 'email',
  'e-mailadres': 'email',
  mail: 'email',
  'employee number': 'employeeNumber',
  employee_number: 'employeeNumber',
  employeenumber: 'employeeNumber',
  personeelsnummer: 'employeeNumber',
  'personeels nummer': 'employeeNumber',
  region: 'region',
  regio: 'region',
  role: 'role',
  rol: 'role',
  functie: 'role',
}
const ROLES: Record<string, RegionRole> = {
  manager: 'manager',
  regiomanager: 'manager',
  member: 'member',
  teamlid: 'member',
  lid: 'member',
  frontline: 'frontline',
  frontlinie: 'frontline',
  balie: 'frontline',
  baliemedewerker: 'frontline',
}
const MAX_ROWS = 20_000

export type RowProblem =
  | 'noName'
  | 'noKey'
  | 'badEmail'
  | 'unknownRegion'
  | 'unknownRole'
  | 'roleWithoutRegion'
  | 'duplicate'
  | 'keysDisagree'
  | 'emailTaken'
  | 'conflictingRows'

export interface PlannedRow {
  line: number
  name: string
  email: string | null
  employeeNumber: string | null
  region: { id: string; name: string } | null
  role: RegionRole | null
  problems: RowProblem[]
  /** What applying does for this row's person: create them, change something, or nothing. */
  action: 'create' | 'update' | 'unchanged'
  changes: string[]
}

interface Person {
  key: string
  rows: PlannedRow[]
  user: ExistingUser | null
}
type ExistingUser = Awaited<ReturnType<typeof loadUsers>>[number]

function loadUsers(db: Tx | typeof prisma) {
  return db.user.findMany({
    where: { erasedAt: null },
    select: {
      id: true,
      name: true,
      email: true,
      employeeNumber: true,
      orgRole: true,
      deactivatedAt: true,
      memberships: { select: { id: true, regionId: true, role: true, source: true } },
    },
  })
}

/** Reads the CSV text (comma, semicolon or tab separated; a header row names the columns). */
export function readStaffCsv(text: string) {
  return readCsvRows(text, COLUMNS, [['name'], ['email', 'employeeNumber']], MAX_ROWS)
}

/** What applying the file would do, row by row, with every problem named, and who is missing from it. */
async function plan(db: Tx | typeof prisma, text: string) {
  const raw = readStaffCsv(text)
  const [regions, users] = await Promise.all([
    db.region.findMany({ select: { id: true, name: true, slug: true } }),
    loadUsers(db),
  ])
  const regionBy = new Map<string, { id: string; name: string }>()
  for (const r of regions) {
    regionBy.set(r.name.toLowerCase(), r)
    regionBy.set(r.slug.toLowerCase(), r)
  }
  const byEmail = new Map(users.filter((u) => u.email).map((u) => [u.email!, u]))
  const byNumber = new Map(users.filter((u) => u.employeeNumber).map((u) => [u.employeeNumber!, u]))

  const people = new Map<string, Person>()
  const rows: PlannedRow[] = raw.map((r) => {
    const problems: RowProblem[] = []
    const email = r.email ? normalizeEmail(r.email) : null
    const employeeNumber = r.employeeNumber || null
    if (!r.name) problems.push('noName')
    if (!email && !employeeNumber) problems.push('noKey')
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) problems.push('badEmail')
    const region = r.region ? (regionBy.get(r.region.toLowerCase()) ?? null) : null
    if (r.region && !region) problems.push('unknownRegion')
    const role = r.role ? (ROLES[r.role.toLowerCase()] ?? null) : null
    if (r.role && !role) problems.push('unknownRole')
    if (Boolean(r.region) !== Boolean(r.role)) problems.push('roleWithoutRegion')
    const userByNumber = employeeNumber ? byNumber.get(employeeNumber) : undefined
    const userByEmail = email ? byEmail.get(email) : undefined
    if (userByNumber && userByEmail && userByNumber.id !== userByEmail.id)
      problems.push(userByNumber.email ? 'keysDisagree' : 'emailTaken')
    const row: PlannedRow = {
      line: r.line,
      name: r.name,
      email,
      employeeNumber,
      region,
      role,
      problems,
      action: 'unchanged',
      changes: [],
    }
    // One person may stand on several rows (several regions); the employee number is the key when there is one.
    const key = employeeNumber ? `n:${employeeNumber}` : `e:${email}`
    const person = people.get(key) ?? { key, rows: [], user: userByNumber ?? userByEmail ?? null }
    person.rows.push(row)
    people.set(key, person)
    return row
  })

  // The same address for two employee numbers, or one person named differently, cannot both be right.
  const emailOwners = new Map<string, string>()
  for (const person of people.values()) {
    const first = person.rows[0]!
    for (const row of person.rows) {
      if (row.name !== first.name || row.email !== first.email) row.problems.push('conflictingRows')
      if (
        person.rows.filter((other) => other.region?.id === row.region?.id).length > 1 &&
        row !== person.rows.find((o) => o.region?.id === row.region?.id)
      ) {
        row.problems.push('duplicate')
      }
      if (row.email) {
        const owner = emailOwners.get(row.email)
        if (owner && owner !== person.key) row.problems.push('duplicate')
        emailOwners.set(row.email, person.key)
      }
    }
  }

  for (const person of people.values()) {
    const [first] = person.rows
    const user = person.user
    if (!first) continue
    const changes: string[] = []
    if (!user) {
      for (const row of person.rows) row.action = 'create'
      continue
    }
    if (user.name !== first.name) changes.push('name')
    if (first.email && user.email !== first.email) changes.push('email')
    if (first.employeeNumber && user.employeeNumber !== first.employeeNumber) changes.push('employeeNumber')
    if (user.deactivatedAt) changes.push('reactivate')
    for (const row of person.rows) {
      if (!row.region || !row.role) continue
      const membership = user.memberships.find((m) => m.regionId === row.region!.id)
      if (!membership) changes.push(`join:${row.region.name}`)
      else if (membership.role !== row.role) changes.push(`role:${row.region.name}`)
    }
    const inFile = new Set(person.rows.map((r) => r.region?.id).filter(Boolean))
    for (const m of user.memberships) {
      if (m.source === 'import' && !inFile.has(m.regionId))
        changes.push(`leave:${regions.find((r) => r.id === m.regionId)?.name ?? m.regionId}`)
    }
    for (const row of person.rows) {
      row.action = changes.length ? 'update' : 'unchanged'
      row.changes = changes
    }
  }

  const matched = new Set([...people.values()].map((p) => p.user?.id).filter(Boolean))
  const missing = users
    .filter((u) => !u.deactivatedAt && !u.orgRole && !matched.has(u.id))
    .map((u) => ({ id: u.id, name: u.name, email: u.email, employeeNumber: u.employeeNumber }))
  return { rows, people: [...people.values()], missing }
}

/** The import page is the admin's (whoever manages users). */
export function requireStaffImport(ability: AppAbility) {
  authorize(ability, 'create', 'User')
}

/** The preview: every row with what would happen and what is wrong, and who is not in the file. */
export async function previewStaffImport(ability: AppAbility, text: string) {
  authorize(ability, 'create', 'User')
  const { rows, missing } = await plan(prisma, text)
  const count = (action: PlannedRow['action']) => rows.filter((r) => r.action === action && !r.problems.length).length
  return {
    rows,
    missing,
    summary: {
      rows: rows.length,
      problems: rows.filter((r) => r.problems.length).length,
      create: count('create'),
      update: count('update'),
      unchanged: count('unchanged'),
    },
  }
}

/**
 * Applies the file in one transaction (refused, nothing written, when any row has a problem):
 * creates people, updates names, addresses, numbers and memberships, and — only when asked —
 * deactivates the people who are not in it. Imported people have no password: they sign in with
 * SSO, or an admin gives them a temporary password.
 */
export async function applyStaffImport(
  ability: AppAbility,
  actorId: string,
  text: string,
  options: { deactivateMissing: boolean },
) {
  authorize(ability, 'create', 'User')
  return prisma.$transaction(
    async (tx) => {
      const { rows, people, missing } = await plan(tx, text)
      if (rows.some((r) => r.problems.length)) throw new Invalid('import.errors.fixFirst', 'file')
      const result = { created: 0, updated: 0, deactivated: 0 }
      const audits: Parameters<typeof recordAudit>[1][] = []

      const fresh = people.filter((p) => !p.user)
      if (fresh.length) {
        const created = await tx.user.createManyAndReturn({
          data: fresh.map((p) => ({
            name: p.rows[0]!.name,
            email: p.rows[0]!.email,
            employeeNumber: p.rows[0]!.employeeNumber,
            passwordHash: NO_PASSWORD,
          })),
          select: { id: true, email: true, employeeNumber: true },
        })
        const idOf = new Map(created.map((u) => [u.employeeNumber ? `n:${u.employeeNumber}` : `e:${u.email}`, u.id]))
        const memberships = fresh.flatMap((p) =>
          p.rows
            .filter((r) => r.region && r.role)
            .map((r) => ({ userId: idOf.get(p.key)!, regionId: r.region!.id, role: r.role!, source: 'import' })),
        )
        if (memberships.length) await tx.membership.createMany({ data: memberships })
        for (const p of fresh) {
          const first = p.rows[0]!
          audits.push({
            actorId,
            action: 'user.import.create',
            subjectType: 'User',
            subjectId: idOf.get(p.key)!,
            after: {
              email: first.email,
              employeeNumber: first.employeeNumber,
              regions: p.rows.map((r) => r.region?.name ?? null),
            },
          })
        }
        result.created = fresh.length
      }

      for (const person of people) {
        const user = person.user
        const first = person.rows[0]!
        if (!user || first.action !== 'update') continue
        await tx.user.update({
          where: { id: user.id },
          data: {
            name: first.name,
            ...(first.email ? { email: first.email } : {}),
            ...(first.employeeNumber ? { employeeNumber: first.employeeNumber } : {}),
            deactivatedAt: null,
          },
        })
        for (const row of person.rows) {
          if (!row.region || !row.role) continue
          const membership = user.memberships.find((m) => m.regionId === row.region!.id)
          if (!membership)
            await tx.membership.create({
              data: { userId: user.id, regionId: row.region.id, role: row.role, source: 'import' },
            })
          else if (membership.role !== row.role)
            await tx.membership.update({ where: { id: membership.id }, data: { role: row.role, source: 'import' } })
        }
        const inFile = new Set(person.rows.map((r) => r.region?.id).filter(Boolean))
        const gone = user.memberships.filter((m) => m.source === 'import' && !inFile.has(m.regionId)).map((m) => m.id)
        if (gone.length) await tx.membership.deleteMany({ where: { id: { in: gone } } })
        audits.push({
          actorId,
          action: 'user.import.update',
          subjectType: 'User',
          subjectId: user.id,
          before: { name: user.name, email: user.email },
          after: { changes: first.changes },
        })
        result.updated++
      }

      if (options.deactivateMissing && missing.length) {
        const ids = missing.map((m) => m.id).filter((id) => id !== actorId)
        await tx.user.updateMany({ where: { id: { in: ids } }, data: { deactivatedAt: new Date() } })
        await tx.session.deleteMany({ where: { userId: { in: ids } } })
        for (const id of ids)
          audits.push({
            actorId,
            action: 'user.deactivate',
            subjectType: 'User',
            subjectId: id,
            after: { by: 'import' },
          })
        result.deactivated = ids.length
      }
      if (audits.length) await tx.auditEvent.createMany({ data: audits })
      return result
    },
    { timeout: 120_000, maxWait: 30_000 },
  )
}
