// Notifications: the one module that decides who hears about what. Domain events (the outbox in
// DomainEvent) and scheduled checks become in-app notifications and, as each person chose per
// kind, an e-mail at once, in the daily digest, or none. Recipients are chosen with the same
// ability as every page: a candidate is notified only if their ability lets them open the
// record the notification is about (frontline never hears of a draft, nobody of another region).
import { randomUUID } from 'node:crypto'
import { accessibleBy } from '@casl/prisma/runtime'
import type { Delivery, Prisma } from '~/generated/prisma/client.ts'
import { defineAbilityFor } from '~/permissions/ability.server.ts'
import { can, type Action, type AppAbility, type SubjectName } from '~/permissions/ability.ts'
import { isoDateInOrganisation } from '~/utils/dates.ts'
import { prisma } from '~/utils/db.server.ts'
import { logger } from '~/utils/logger.server.ts'
import { safeRedirectPath } from '~/utils/redirect.ts'
import type { DomainEventInput } from './events.server.ts'
import type { Tx } from './document.server.ts'
import { notificationMailTemplate, personalise, renderDigest, type DigestItem, type Rendered } from './mail.server.ts'
import { overdueConfirmations } from './read-campaign.server.ts'

export const NOTIFICATION_KINDS = [
  'guideline.published',
  'guideline.submitted',
  'guideline.sentBack',
  'guideline.needsReview',
  'feedback.answered',
  'feedback.passedOn',
  'comment.reply',
  'consultation.opened',
  'consultation.closing',
  'confirmation.due',
  'confirmation.overdue',
  'example.updated',
] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

/** E-mail per kind until someone chooses otherwise. */
export const DEFAULT_DELIVERY: Record<NotificationKind, Delivery> = {
  'guideline.published': 'immediate',
  'guideline.submitted': 'immediate',
  'guideline.sentBack': 'immediate',
  'guideline.needsReview': 'immediate',
  'feedback.answered': 'immediate',
  'feedback.passedOn': 'digest',
  'comment.reply': 'digest',
  'consultation.opened': 'digest',
  'consultation.closing': 'digest',
  'confirmation.due': 'immediate',
  'confirmation.overdue': 'immediate',
  'example.updated': 'digest',
}

const candidateSelect = {
  id: true,
  email: true,
  name: true,
  language: true,
  orgRole: true,
  deactivatedAt: true,
  memberships: { select: { regionId: true, role: true } },
} as const

/** One notification for whoever `where` names and the ability lets open `subject`. */
export interface Planned {
  where: Prisma.UserWhereInput
  kind: NotificationKind
  /** The record the notification is about, as the ability checks it. */
  subject: [SubjectName, Record<string, unknown>]
  /** What the recipient must be able to do with it (default: read it). */
  action?: Action
  params: Record<string, string | number | boolean | null>
  /** A local path: where the recipient acts. */
  link: string
  /** The same event never notifies a user twice. */
  dedupeKey: string
  /** Who caused it is not told about it. */
  actorId?: string | null
}

/**
 * Writes the notifications (and the immediate e-mails) of one delivery in the transaction given.
 * Returns how many people were notified now (those notified before are skipped).
 */
export async function deliver(
  tx: Tx,
  delivery: Omit<Planned, 'where'> & { where?: Prisma.UserWhereInput; userIds?: string[] },
) {
  const users = await tx.user.findMany({
    where: {
      AND: [
        delivery.where ?? {},
        delivery.userIds ? { id: { in: delivery.userIds } } : {},
        { deactivatedAt: null },
        delivery.actorId ? { id: { not: delivery.actorId } } : {},
      ],
    },
    select: {
      ...candidateSelect,
      notificationSettings: { where: { kind: delivery.kind }, select: { delivery: true } },
    },
  })
  const [subjectName, record] = delivery.subject
  const allowed = users.filter((user) => can(defineAbilityFor(user), delivery.action ?? 'read', subjectName, record))
  if (!allowed.length) return 0
  const link = safeRedirectPath(delivery.link)
  // One statement for any number of recipients (arrays, not a parameter per value): notifying a
  // whole region stays fast. Who was notified before (same dedupe key) is skipped.
  const created = await tx.$queryRaw<{ id: string; userId: string }[]>`
    INSERT INTO "Notification" ("id", "userId", "kind", "params", "link", "dedupeKey")
    SELECT r."id", r."userId", ${delivery.kind}, ${JSON.stringify(delivery.params)}::jsonb, ${link}, ${delivery.dedupeKey}
    FROM unnest(${allowed.map(() => randomUUID())}::text[], ${allowed.map((user) => user.id)}::text[]) AS r("id", "userId")
    ON CONFLICT ("userId", "dedupeKey") DO NOTHING
    RETURNING "id", "userId"`
  const byId = new Map(allowed.map((user) => [user.id, user]))
  const templates = new Map<string, Rendered>()
  const mails: {
    userId: string
    to: string
    kind: string
    dedupeKey: string
    subject: string
    text: string
    html: string
  }[] = []
  for (const row of created) {
    const user = byId.get(row.userId)!
    const choice = user.notificationSettings[0]?.delivery ?? DEFAULT_DELIVERY[delivery.kind]
    if (choice !== 'immediate' || !user.email) continue
    let template = templates.get(user.language)
    if (!template) {
      template = await notificationMailTemplate(user.language, { kind: delivery.kind, params: delivery.params, link })
      templates.set(user.language, template)
    }
    mails.push({
      userId: user.id,
      to: user.email,
      kind: delivery.kind,
      dedupeKey: `notification:${row.id}`,
      ...personalise(template, user, delivery.kind),
    })
  }
  if (mails.length) {
    const column = <K extends keyof (typeof mails)[number]>(key: K) => mails.map((mail) => mail[key])
    await tx.$executeRaw`
      INSERT INTO "Mail" ("id", "userId", "to", "kind", "dedupeKey", "subject", "text", "html")
      SELECT * FROM unnest(${mails.map(() => randomUUID())}::text[], ${column('userId')}::text[], ${column('to')}::text[],
        ${column('kind')}::text[], ${column('dedupeKey')}::text[], ${column('subject')}::text[], ${column('text')}::text[],
        ${column('html')}::text[])
      ON CONFLICT ("dedupeKey") DO NOTHING`
  }
  return created.length
}

// --- From domain events to deliveries ----------------------------------------------------------

type EventOf<K extends DomainEventInput['kind']> = Extract<DomainEventInput, { kind: K }>
/** Plans an event's deliveries. It reads through `db`, the worker's transaction: on the embedded engine a query outside it would wait for it forever. */
type Planner<K extends DomainEventInput['kind']> = (
  event: Omit<EventOf<K>, 'kind'>,
  id: string,
  db: Tx,
) => Promise<Planned[]>

const inRegion = (regionId: string, roles: ('manager' | 'member' | 'frontline')[]): Prisma.UserWhereInput => ({
  memberships: { some: { regionId, role: { in: roles } } },
})
const speaksInConsultations: Prisma.UserWhereInput = {
  OR: [{ orgRole: { not: null } }, { memberships: { some: { role: { in: ['manager', 'member'] } } } }],
}

const planners: { [K in DomainEventInput['kind']]: Planner<K> } = {
  'guideline.published': async (event, id, db) => {
    const guideline = await db.guideline.findUnique({ where: { id: event.guidelineId } })
    if (!guideline) return []
    const version = await db.guidelineVersion.findFirst({
      where: { guidelineId: guideline.id, number: event.number },
    })
    const params = { title: version?.title ?? guideline.title, version: event.number }
    // Regions that started a draft from this example hear that it changed (their managers and members).
    const copies = await db.guideline.findMany({
      where: { copiedFromId: guideline.id, status: { not: 'archived' }, copiedFromVersion: { lt: event.number } },
      select: { id: true, regionId: true, status: true, publishedVersion: true },
    })
    return [
      ...copies.map((copy) => ({
        where: inRegion(copy.regionId, ['manager', 'member']),
        kind: 'example.updated' as const,
        subject: ['Guideline', copy] as [SubjectName, Record<string, unknown>],
        params,
        link: `/guidelines/${copy.id}`,
        dedupeKey: `${id}:${copy.id}`,
      })),
      // The floor: a material change asks them to confirm again, by a date.
      {
        where: inRegion(guideline.regionId, ['frontline']),
        kind: 'guideline.published',
        subject: ['Guideline', guideline],
        params: { ...params, confirmBy: event.material ? event.confirmBy : null },
        link: `/handbook/${guideline.regionId}/${guideline.id}`,
        dedupeKey: id,
      },
      {
        where: inRegion(guideline.regionId, ['manager', 'member']),
        kind: 'guideline.published',
        subject: ['Guideline', guideline],
        params,
        link: `/guidelines/${guideline.id}`,
        dedupeKey: id,
      },
    ]
  },
  'guideline.submitted': async (event, id, db) => {
    const guideline = await db.guideline.findUnique({ where: { id: event.guidelineId } })
    if (!guideline) return []
    return [
      {
        where: inRegion(guideline.regionId, ['manager']),
        kind: 'guideline.submitted',
        subject: ['Guideline', guideline],
        action: 'publish',
        params: { title: guideline.title },
        link: `/guidelines/${guideline.id}`,
        dedupeKey: id,
      },
    ]
  },
  'guideline.sentBack': async (event, id, db) => {
    const guideline = await db.guideline.findUnique({ where: { id: event.guidelineId } })
    if (!guideline) return []
    // Whoever wrote it and whoever submitted it hear that it came back.
    const submitted = await db.auditEvent.findFirst({
      where: { subjectType: 'Guideline', subjectId: guideline.id, action: 'guideline.submit' },
      orderBy: { createdAt: 'desc' },
      select: { actorId: true },
    })
    const authors = [guideline.createdById, submitted?.actorId].filter((userId): userId is string => Boolean(userId))
    return [
      {
        where: { id: { in: authors } },
        kind: 'guideline.sentBack',
        subject: ['Guideline', guideline],
        action: 'update',
        params: { title: guideline.title },
        link: `/guidelines/${guideline.id}`,
        dedupeKey: id,
      },
    ]
  },
  'principle.published': async (event, id, db) => {
    const principle = await db.principleVersion.findFirst({
      where: { principleId: event.principleId, number: event.number },
    })
    if (!principle) return []
    const [guidelines, decisions] = await Promise.all([
      db.guideline.groupBy({
        by: ['regionId'],
        where: {
          principleId: event.principleId,
          status: { not: 'archived' },
          publishedVersion: { gt: 0 },
          basedOnPrincipleVersion: { lt: event.number },
        },
        _count: { _all: true },
      }),
      db.principleDecision.findMany({
        where: { principleId: event.principleId, basedOnPrincipleVersion: { lt: event.number } },
        select: { regionId: true },
      }),
    ])
    const counts = new Map(guidelines.map((g) => [g.regionId, g._count._all]))
    for (const d of decisions) counts.set(d.regionId, (counts.get(d.regionId) ?? 0) + 1)
    return [...counts].map(([regionId, count]) => ({
      where: inRegion(regionId, ['manager']),
      kind: 'guideline.needsReview' as const,
      subject: ['Guideline', { regionId, status: 'published', publishedVersion: 1 }] as [
        SubjectName,
        Record<string, unknown>,
      ],
      action: 'publish' as const,
      params: { title: principle.title, version: event.number, count },
      link: `/regions/${regionId}/guidelines`,
      dedupeKey: `${id}:${regionId}`,
    }))
  },
  'consultation.opened': async (event, id, db) => {
    const principle = await db.principle.findUnique({ where: { id: event.principleId } })
    if (!principle?.consultationEndsAt) return []
    return [consultationDelivery(principle, 'consultation.opened', id)]
  },
  'feedback.answered': async (event, id, db) => {
    const feedback = await db.feedback.findUnique({
      where: { id: event.feedbackId },
      include: { guideline: { select: { title: true } } },
    })
    if (!feedback?.authorId) return []
    return [
      {
        where: { id: feedback.authorId },
        kind: 'feedback.answered',
        subject: ['Feedback', feedback],
        // A question asked from the handbook has no guideline: its own words are the title.
        params: { title: feedback.guideline?.title ?? truncate(feedback.body, 80) },
        link: feedback.guidelineId
          ? `/handbook/${feedback.regionId}/${feedback.guidelineId}`
          : `/handbook/${feedback.regionId}`,
        dedupeKey: id,
      },
    ]
  },
  'feedback.passedOn': async (event, id, db) => {
    const feedback = await db.feedback.findUnique({
      where: { id: event.feedbackId },
      include: { guideline: { select: { title: true, region: { select: { name: true } } } } },
    })
    if (!feedback?.guideline) return []
    return [
      {
        where: { orgRole: 'hq_editor' },
        kind: 'feedback.passedOn',
        subject: ['Feedback', feedback],
        params: { title: feedback.guideline.title, region: feedback.guideline.region.name },
        link: '/inbox',
        dedupeKey: id,
      },
    ]
  },
  'comment.reply': async (event, id, db) => {
    if (event.subject === 'PrincipleComment') {
      const [reply, parent] = await Promise.all([
        db.principleComment.findUnique({
          where: { id: event.commentId },
          include: { principle: true, author: { select: { name: true } } },
        }),
        db.principleComment.findUnique({ where: { id: event.parentId } }),
      ])
      if (!reply || !parent) return []
      return [
        {
          where: { id: parent.authorId },
          kind: 'comment.reply',
          subject: ['PrincipleComment', reply],
          params: { name: reply.author.name, title: reply.principle.title },
          link: `/principles/${reply.principle.slug}#consultation-title`,
          dedupeKey: id,
        },
      ]
    }
    const [reply, parent] = await Promise.all([
      db.guidelineComment.findUnique({
        where: { id: event.commentId },
        include: { guideline: true, author: { select: { name: true } } },
      }),
      db.guidelineComment.findUnique({ where: { id: event.parentId } }),
    ])
    if (!reply || !parent) return []
    return [
      {
        where: { id: parent.authorId },
        kind: 'comment.reply',
        subject: ['GuidelineComment', reply],
        params: { name: reply.author.name, title: reply.guideline.title },
        link: `/guidelines/${reply.guidelineId}#team-comments`,
        dedupeKey: id,
      },
    ]
  },
}

function consultationDelivery(
  principle: {
    id: string
    slug: string
    title: string
    status: string
    consultationEndsAt: Date | null
    publishedVersion: number
  },
  kind: 'consultation.opened' | 'consultation.closing',
  dedupeKey: string,
): Planned {
  return {
    where: speaksInConsultations,
    kind,
    subject: ['Principle', principle],
    action: 'comment',
    params: { title: principle.title, endsAt: principle.consultationEndsAt?.toISOString() ?? null },
    link: `/principles/${principle.slug}#consultation-title`,
    dedupeKey,
  }
}

/**
 * Works off the event outbox: each due event is claimed (so two workers never take the same),
 * turned into its notifications and mails, and marked processed — all in one transaction, so a
 * crash midway leaves it to be done again, and the dedupe keys keep that from notifying twice.
 * A failing event is retried later with backoff. Returns how many events were processed.
 */
export async function processPendingEvents(options: { limit?: number; now?: Date } = {}) {
  let processed = 0
  for (let i = 0; i < (options.limit ?? 50); i++) {
    const now = options.now ?? new Date()
    let claimedId: string | null = null
    try {
      const done = await prisma.$transaction(
        async (tx) => {
          const [event] = await tx.$queryRaw<
            { id: string; kind: string; payload: Record<string, unknown>; actorId: string | null }[]
          >`
            SELECT "id", "kind", "payload", "actorId" FROM "DomainEvent"
            WHERE "processedAt" IS NULL AND "nextAttemptAt" <= ${now}
            ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED`
          if (!event) return false
          claimedId = event.id
          const planner = planners[event.kind as DomainEventInput['kind']] as
            Planner<DomainEventInput['kind']> | undefined
          const deliveries = planner ? await planner(event.payload as never, event.id, tx) : []
          for (const delivery of deliveries) await deliver(tx, { ...delivery, actorId: event.actorId })
          await tx.domainEvent.update({ where: { id: event.id }, data: { processedAt: new Date(), lastError: null } })
          return true
        },
        { timeout: 60_000, maxWait: 30_000 },
      )
      if (!done) break
      processed++
    } catch (error) {
      if (!claimedId) throw error
      logger.error({ err: error, eventId: claimedId }, 'processing a domain event failed; it will be retried')
      const event = await prisma.domainEvent.update({ where: { id: claimedId }, data: { attempts: { increment: 1 } } })
      await prisma.domainEvent.update({
        where: { id: claimedId },
        data: {
          nextAttemptAt: new Date(Date.now() + Math.min(6 * 3_600_000, 30_000 * 2 ** event.attempts)),
          lastError: error instanceof Error ? error.message.slice(0, 500) : String(error).slice(0, 500),
        },
      })
    }
  }
  return processed
}

/** Consultations that close within two days: everyone who may still comment hears it once. */
export async function notifyClosingConsultations(now = new Date()) {
  const soon = new Date(now.getTime() + 2 * 86_400_000)
  const principles = await prisma.principle.findMany({
    where: { status: 'consultation', consultationEndsAt: { gt: now, lte: soon } },
  })
  let created = 0
  for (const principle of principles) {
    const key = `closing:${principle.id}:${principle.consultationEndsAt!.toISOString()}`
    created += await prisma.$transaction(
      (tx) => deliver(tx, consultationDelivery(principle, 'consultation.closing', key)),
      { timeout: 60_000 },
    )
  }
  return created
}

// --- The daily digest -------------------------------------------------------------------------

/**
 * Writes the daily digest mails that are due at `now` (the worker calls this; the hour comes from
 * DIGEST_HOUR): per user, the notifications of kinds they take as a digest since the last one,
 * and for managers the confirmations past their due date in their regions. One mail per user per
 * day at most (its dedupe key says so); nobody gets an empty digest.
 */
export async function writeDigests(now = new Date()) {
  const day = isoDateInOrganisation(now)
  const since = new Date(now.getTime() - 7 * 86_400_000)
  const pending = await prisma.notification.findMany({
    where: { digestedAt: null, createdAt: { gte: since }, user: { deactivatedAt: null } },
    orderBy: { createdAt: 'asc' },
    select: { id: true, userId: true, kind: true, params: true, link: true },
  })
  const managers = await prisma.user.findMany({
    where: { deactivatedAt: null, memberships: { some: { role: 'manager' } } },
    select: { id: true, memberships: { where: { role: 'manager' }, select: { regionId: true } } },
  })
  const userIds = [...new Set([...pending.map((n) => n.userId), ...managers.map((m) => m.id)])]
  const users = await prisma.user.findMany({
    where: {
      id: { in: userIds },
      OR: [{ digestSentAt: null }, { digestSentAt: { lt: new Date(now.getTime() - 20 * 3_600_000) } }],
    },
    select: {
      id: true,
      name: true,
      email: true,
      language: true,
      notificationSettings: { select: { kind: true, delivery: true } },
    },
  })
  let written = 0
  for (const user of users) {
    const settings = new Map(user.notificationSettings.map((s) => [s.kind, s.delivery]))
    if (settings.get('digest') === 'off') continue
    const items = pending.filter(
      (n) =>
        n.userId === user.id && (settings.get(n.kind) ?? DEFAULT_DELIVERY[n.kind as NotificationKind]) === 'digest',
    )
    const managed = managers.find((m) => m.id === user.id)?.memberships.map((m) => m.regionId) ?? []
    const overdue = (await overdueConfirmations(managed, now)).map((o) => ({
      ...o,
      link: `/guidelines/${o.guidelineId}/readers`,
    }))
    if ((!items.length && !overdue.length) || !user.email) continue
    const rendered = await renderDigest(user, items as DigestItem[], overdue)
    await prisma.$transaction([
      prisma.mail.createMany({
        data: [{ userId: user.id, to: user.email, kind: 'digest', dedupeKey: `digest:${user.id}:${day}`, ...rendered }],
        skipDuplicates: true,
      }),
      prisma.notification.updateMany({ where: { id: { in: items.map((n) => n.id) } }, data: { digestedAt: now } }),
      prisma.user.update({ where: { id: user.id }, data: { digestSentAt: now } }),
    ])
    written++
  }
  return written
}

// --- What a user reads and sets --------------------------------------------------------------

const own = (ability: AppAbility, userId: string) => ({
  AND: [accessibleBy(ability, 'read').ofType('Notification'), { userId }],
})

/** The bell's number: unread notifications (one small indexed query per page). */
export function countUnread(userId: string) {
  return prisma.notification.count({ where: { userId, readAt: null } })
}

export function listNotifications(ability: AppAbility, userId: string) {
  return prisma.notification.findMany({
    where: own(ability, userId),
    orderBy: { createdAt: 'desc' },
    take: 100,
    select: { id: true, kind: true, params: true, link: true, createdAt: true, readAt: true },
  })
}

/** Opens a notification: marks it read and returns where to go (NotFound-safe: null when not the user's). */
export async function openNotification(ability: AppAbility, userId: string, id: string) {
  const notification = await prisma.notification.findFirst({
    where: { AND: [own(ability, userId), { id }] },
    select: { id: true, link: true, readAt: true },
  })
  if (!notification) return null
  if (!notification.readAt) await prisma.notification.update({ where: { id }, data: { readAt: new Date() } })
  return safeRedirectPath(notification.link)
}

export async function markAllRead(ability: AppAbility, userId: string) {
  const { count } = await prisma.notification.updateMany({
    where: { AND: [own(ability, userId), { readAt: null }] },
    data: { readAt: new Date() },
  })
  return count
}

/** Every kind with the user's choice (or the default), plus whether the daily digest is on. */
export async function notificationSettings(userId: string) {
  const rows = await prisma.notificationSetting.findMany({ where: { userId }, select: { kind: true, delivery: true } })
  const chosen = new Map(rows.map((r) => [r.kind, r.delivery]))
  return {
    kinds: NOTIFICATION_KINDS.map((kind) => ({ kind, delivery: chosen.get(kind) ?? DEFAULT_DELIVERY[kind] })),
    digest: chosen.get('digest') !== 'off',
  }
}

/** Saves the user's choices (only known kinds and deliveries are taken). */
export async function saveNotificationSettings(
  userId: string,
  choices: Partial<Record<NotificationKind | 'digest', Delivery>>,
) {
  const entries = Object.entries(choices).filter(
    ([kind, delivery]) => (NOTIFICATION_KINDS.includes(kind as NotificationKind) || kind === 'digest') && delivery,
  ) as [string, Delivery][]
  await prisma.$transaction(
    entries.map(([kind, delivery]) =>
      prisma.notificationSetting.upsert({
        where: { userId_kind: { userId, kind } },
        create: { userId, kind, delivery },
        update: { delivery },
      }),
    ),
  )
}

/** The one-click unsubscribe from a mail: e-mail of that kind (or the digest) off. */
export async function unsubscribe(userId: string, kind: string) {
  if (kind !== 'digest' && !NOTIFICATION_KINDS.includes(kind as NotificationKind)) return false
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { id: true } })
  if (!user) return false
  await saveNotificationSettings(userId, { [kind]: 'off' })
  return true
}

function truncate(text: string, length: number) {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text
}
