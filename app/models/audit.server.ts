// The audit trail: append-only (a database trigger refuses updates and deletes), written in the
// same transaction as the change it records, and read through the ability (HQ reads principle
// events, a manager their region's, the admin everything).
//
// Reading it is for people: each event becomes a sentence (an i18n key under `audit.sentences`,
// its values, and the records it names), filtered by person, kind and period. The records an event
// names — a principle, a guideline, a person, a region, a phrase family — are looked up with a few
// batched queries per page, each through the reader's ability: what the reader may not read is
// never named nor linked ("een principe", "iemand"). The raw before/after stays with the entry.
import { accessibleBy } from '@casl/prisma/runtime'
import { z } from 'zod'
import type { Prisma } from '~/generated/prisma/client.ts'
import { can, type AppAbility } from '~/permissions/ability.ts'
import { authorize } from '~/permissions/authorize.ts'
import { endOfDayInOrganisation, startOfDayInOrganisation } from '~/utils/dates.ts'
import { prisma, type Db } from '~/utils/db.server.ts'
import { Invalid } from '~/utils/errors.ts'
import { isoDate } from '~/validation/schemas.ts'

type Tx = Pick<Db, 'auditEvent'>

export interface AuditEntry {
  actorId: string | null
  action: string
  subjectType: string
  subjectId: string
  regionId?: string | null
  before?: Prisma.InputJsonValue
  after?: Prisma.InputJsonValue
}

/** Appends an audit event. Call it inside the same transaction as the change it records. */
export function recordAudit(tx: Tx, entry: AuditEntry) {
  return tx.auditEvent.create({ data: entry })
}

export const AUDIT_PAGE_SIZE = 50

// --- Filters ----------------------------------------------------------------------------------

/** The kinds the log is filtered by; each is a set of subject types (system: everything else). */
export const AUDIT_KINDS = ['principles', 'guidelines', 'people', 'regions', 'tone', 'system'] as const
export type AuditKind = (typeof AUDIT_KINDS)[number]

const SUBJECTS_OF: Record<Exclude<AuditKind, 'system'>, string[]> = {
  principles: ['Principle', 'PrincipleVersion', 'PrincipleComment'],
  guidelines: [
    'Guideline',
    'GuidelineVersion',
    'GuidelineComment',
    'CustomerInput',
    'Acknowledgement',
    'Feedback',
    'PrincipleDecision',
  ],
  people: ['User', 'Membership', 'SsoGroupMapping'],
  regions: ['Region'],
  tone: ['PhraseFamily'],
}
const KNOWN_SUBJECTS = Object.values(SUBJECTS_OF).flat()

function kindOf(subjectType: string): AuditKind {
  const kind = (Object.keys(SUBJECTS_OF) as (keyof typeof SUBJECTS_OF)[]).find((k) =>
    SUBJECTS_OF[k].includes(subjectType),
  )
  return kind ?? 'system'
}

function kindWhere(kind: AuditKind): Prisma.AuditEventWhereInput {
  return kind === 'system' ? { subjectType: { notIn: KNOWN_SUBJECTS } } : { subjectType: { in: SUBJECTS_OF[kind] } }
}

/** The person filter's value for events without an actor (SSO, retention, the demo seed). */
export const SYSTEM_ACTOR = 'system'

const blankAsMissing = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value)

const AuditFilterSchema = z.object({
  person: z.preprocess(blankAsMissing, z.string().trim().max(64).optional()),
  kind: z.preprocess(blankAsMissing, z.enum(AUDIT_KINDS).optional()),
  from: z.preprocess(blankAsMissing, isoDate.optional()),
  to: z.preprocess(blankAsMissing, isoDate.optional()),
  before: z.preprocess(blankAsMissing, z.string().trim().max(64).optional()),
})
export type AuditFilters = z.infer<typeof AuditFilterSchema>
const FILTER_FIELDS = ['person', 'kind', 'from', 'to', 'before'] as const

/**
 * The filters of the log's address (`?person=…&kind=…&from=2026-01-01&to=2026-01-31&before=…`),
 * strictly: a date that is not a calendar day, an unknown kind or a period that ends before it
 * starts is refused (400, with a message that says which), never guessed at.
 */
export function parseAuditFilters(search: URLSearchParams): AuditFilters {
  const result = AuditFilterSchema.safeParse(
    Object.fromEntries(FILTER_FIELDS.map((field) => [field, search.get(field) ?? undefined])),
  )
  if (!result.success) {
    const field = String(result.error.issues[0]?.path[0] ?? 'before')
    throw new Invalid(`audit.errors.${field}`, field)
  }
  const { from, to } = result.data
  if (from && to && from > to) throw new Invalid('audit.errors.period', 'to')
  return result.data
}

function filterWhere(filters: AuditFilters): Prisma.AuditEventWhereInput[] {
  const where: Prisma.AuditEventWhereInput[] = []
  if (filters.person) where.push({ actorId: filters.person === SYSTEM_ACTOR ? null : filters.person })
  if (filters.kind) where.push(kindWhere(filters.kind))
  // Days are the organisation's: "to 31 January" ends at 23:59:59 in Amsterdam.
  if (filters.from) where.push({ createdAt: { gte: startOfDayInOrganisation(filters.from) } })
  if (filters.to) where.push({ createdAt: { lte: endOfDayInOrganisation(filters.to) } })
  return where
}

const readableEvents = (ability: AppAbility): Prisma.AuditEventWhereInput =>
  accessibleBy(ability, 'read').ofType('AuditEvent')

/** The newest audit events the ability may read, filtered, a page at a time (keyset on createdAt, id). */
export async function listAuditEvents(ability: AppAbility, filters: AuditFilters = {}) {
  authorize(ability, 'read', 'AuditEvent')
  const cursor = filters.before
    ? await prisma.auditEvent.findFirst({
        where: { AND: [readableEvents(ability), { id: filters.before }] },
        select: { id: true, createdAt: true },
      })
    : null
  const events = await prisma.auditEvent.findMany({
    where: {
      AND: [
        readableEvents(ability),
        ...filterWhere(filters),
        cursor
          ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] }
          : {},
      ],
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: AUDIT_PAGE_SIZE + 1,
    include: { actor: { select: { name: true } } },
  })
  return { events: events.slice(0, AUDIT_PAGE_SIZE), hasMore: events.length > AUDIT_PAGE_SIZE }
}

type AuditEventRow = Awaited<ReturnType<typeof listAuditEvents>>['events'][number]

// --- Sentences --------------------------------------------------------------------------------

/** What a sentence names: shown (and linked) only when the reader may read it, else "een principe". */
export type AuditRefKind = 'principle' | 'guideline' | 'person' | 'region' | 'family' | 'group'
export interface AuditRef {
  kind: AuditRefKind
  name: string | null
  href: string | null
}

/** A sentence to render: `audit.sentences.<key>` with `values` and, in its `{{slots}}`, the `refs`. */
export interface AuditSentence {
  key: string
  values: Record<string, string | number>
  refs: Record<string, AuditRef>
}

/** The records an event names, looked up for a whole page at once through the reader's ability. */
interface Found {
  principles: Map<string, AuditRef>
  guidelines: Map<string, AuditRef>
  users: Map<string, AuditRef>
  regions: Map<string, AuditRef>
  families: Map<string, AuditRef>
  principleVersions: Map<string, { principleId: string; number: number; title: string }>
  guidelineVersions: Map<string, { guidelineId: string; number: number; title: string }>
  /** Comment, decision or feedback id → the principle or guideline it belongs to. */
  principleOf: Map<string, string>
  guidelineOf: Map<string, string>
}

type Json = Prisma.JsonValue | null
function field(json: Json, key: string): unknown {
  return json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>)[key] : undefined
}
const text = (json: Json, key: string) => {
  const value = field(json, key)
  return typeof value === 'string' ? value : undefined
}
const number = (json: Json, key: string) => {
  const value = field(json, key)
  return typeof value === 'number' ? value : undefined
}

const unknown = (kind: AuditRefKind): AuditRef => ({ kind, name: null, href: null })

type Describe = (
  event: AuditEventRow,
  found: Found,
  ability: AppAbility,
) => Omit<AuditSentence, 'key'> & { key?: string }

const principleRef = (found: Found, id: string | undefined) => (id && found.principles.get(id)) || unknown('principle')
const guidelineRef = (found: Found, id: string | undefined) => (id && found.guidelines.get(id)) || unknown('guideline')
const regionRef = (found: Found, id: string | null | undefined) => (id && found.regions.get(id)) || unknown('region')
const personRef = (found: Found, id: string | undefined) => (id && found.users.get(id)) || unknown('person')

/** A principle's event: its title (and link) as the reader may read it. */
const onPrinciple: Describe = (e, found) => ({ values: {}, refs: { title: principleRef(found, e.subjectId) } })
/** A guideline's event. */
const onGuideline: Describe = (e, found) => ({ values: {}, refs: { title: guidelineRef(found, e.subjectId) } })
/** A comment's event: the principle or guideline the comment is on. */
const onPrincipleComment: Describe = (e, found) => ({
  values: {},
  refs: { title: principleRef(found, found.principleOf.get(e.subjectId)) },
})
const onGuidelineComment: Describe = (e, found) => ({
  values: {},
  refs: { title: guidelineRef(found, found.guidelineOf.get(e.subjectId)) },
})
/** Customer input and read confirmations record their guideline in `after`. */
const onGuidelineInAfter: Describe = (e, found) => ({
  values: { version: number(e.after, 'version') ?? '?' },
  refs: { title: guidelineRef(found, text(e.after, 'guidelineId')) },
})
const onPerson: Describe = (e, found) => ({ values: {}, refs: { person: personRef(found, e.subjectId) } })
const onRegion: Describe = (e, found) => ({ values: {}, refs: { region: regionRef(found, e.subjectId) } })
const onFamily: Describe = (e, found) => ({
  values: {},
  refs: { family: found.families.get(e.subjectId) ?? unknown('family') },
})
/** A membership's event: the person (in before/after) and the region (the event's own). */
const onMembership: Describe = (e, found) => ({
  values: {
    role: text(e.after, 'role') ?? text(e.before, 'role') ?? '',
    previous: text(e.before, 'role') ?? '',
  },
  refs: {
    person: personRef(found, text(e.after, 'userId') ?? text(e.before, 'userId')),
    region: regionRef(found, e.regionId),
  },
})
const onDecision: Describe = (e, found) => ({
  values: {},
  refs: {
    title: principleRef(found, found.principleOf.get(e.subjectId)),
    region: regionRef(found, e.regionId),
  },
})
/** The mapping is gone after a delete; its group is the admin's to read (the SSO page). */
const onGroupMapping: Describe = (e, _found, ability) => ({
  values: {},
  refs: {
    group: {
      kind: 'group',
      name: can(ability, 'read', 'SsoGroupMapping')
        ? (text(e.after, 'group') ?? text(e.before, 'group') ?? null)
        : null,
      href: null,
    },
  },
})
const onFeedback: Describe = (e, found) => ({
  values: {},
  refs: { title: guidelineRef(found, found.guidelineOf.get(e.subjectId)) },
})
const plain: Describe = () => ({ values: {}, refs: {} })
/** A customer panel's event: the guideline draft or the principle it consults on. */
const onPanel: Describe = (e, found) => ({
  values: {},
  refs: { title: e.subjectType === 'Principle' ? principleRef(found, e.subjectId) : guidelineRef(found, e.subjectId) },
})
/** A synonym group reads as its first words (the group's own record in before/after). */
const onSynonyms: Describe = (e) => {
  const terms = (e.after as { terms?: unknown } | null)?.terms
  return { values: { terms: Array.isArray(terms) ? terms.slice(0, 3).join(', ') : '' }, refs: {} }
}

/**
 * Every action the app writes (grep `recordAudit(`), with how it reads. The key is the action in
 * camelCase (`principle.consultation.open` → `principleConsultationOpen`) unless the describer
 * picks a variant; an action missing here reads as `audit.sentences.unknown` with its key.
 */
const SENTENCES: Record<string, Describe> = {
  'principle.create': onPrinciple,
  'principle.update': onPrinciple,
  'principle.consultation.open': onPrinciple,
  'principle.consultation.close': onPrinciple,
  'principle.archive': onPrinciple,
  'principle.restore': onPrinciple,
  'principle.reorder': onPrinciple,
  'principle.publish': (e, found) => {
    const version = found.principleVersions.get(e.subjectId)
    const principle = version ? found.principles.get(version.principleId) : undefined
    return {
      values: { version: version?.number ?? number(e.after, 'number') ?? '?' },
      refs: {
        title: version
          ? { kind: 'principle', name: version.title, href: principle?.href ?? null }
          : unknown('principle'),
      },
    }
  },
  'principle.comment': onPrincipleComment,
  'principle.comment.resolve': onPrincipleComment,
  'guideline.create': onGuideline,
  'guideline.update': onGuideline,
  'guideline.submit': onGuideline,
  'guideline.send-back': onGuideline,
  'guideline.archive': onGuideline,
  'guideline.publish': (e, found) => {
    const version = found.guidelineVersions.get(e.subjectId)
    const guideline = version ? found.guidelines.get(version.guidelineId) : undefined
    return {
      values: { version: version?.number ?? number(e.after, 'number') ?? '?' },
      refs: {
        title: version
          ? { kind: 'guideline', name: version.title, href: guideline?.href ?? null }
          : unknown('guideline'),
      },
    }
  },
  'guideline.confirm-still-valid': (e, found) => ({
    values: { version: number(e.after, 'basedOnPrincipleVersion') ?? '?' },
    refs: { title: guidelineRef(found, e.subjectId) },
  }),
  'guideline.remind': (e, found) => ({
    values: { version: number(e.after, 'version') ?? '?', count: number(e.after, 'reminded') ?? 0 },
    refs: { title: guidelineRef(found, e.subjectId) },
  }),
  'guideline.comment': onGuidelineComment,
  'guideline.comment.resolve': onGuidelineComment,
  'guideline.customer-input': onGuidelineInAfter,
  'guideline.acknowledge': onGuidelineInAfter,
  'feedback.send': onFeedback,
  'feedback.answer': onFeedback,
  'feedback.close': onFeedback,
  'feedback.pass': onFeedback,
  'feedback.ask': (e, found) => ({ values: {}, refs: { region: regionRef(found, e.regionId) } }),
  'decision.record': (e, found, ability) => ({
    ...onDecision(e, found, ability),
    key: text(e.after, 'kind') === 'not_applicable' ? 'decisionRecordNotApplicable' : 'decisionRecordAppliesAsWritten',
  }),
  'decision.withdraw': onDecision,
  'membership.create': onMembership,
  'membership.update': onMembership,
  'membership.delete': onMembership,
  'user.create': onPerson,
  'user.import.create': onPerson,
  'user.import.update': onPerson,
  'user.orgRole': (e, found, ability) => {
    const role = text(e.after, 'orgRole')
    const values: AuditSentence['values'] = role ? { role } : {}
    return { ...onPerson(e, found, ability), values, key: role ? 'userOrgRole' : 'userOrgRoleNone' }
  },
  'user.deactivate': onPerson,
  'user.reactivate': onPerson,
  'user.password.reset': onPerson,
  'user.password.change': plain,
  'user.erase': onPerson,
  'user.sso.link': onPerson,
  'region.create': onRegion,
  'region.update': onRegion,
  // The region is gone; the name it had is the event's own record.
  'region.delete': (e) => ({
    values: {},
    refs: { region: { kind: 'region', name: text(e.before, 'name') ?? null, href: null } },
  }),
  'phraseFamily.create': onFamily,
  'phraseFamily.update': onFamily,
  'phraseFamily.enable': onFamily,
  'phraseFamily.disable': onFamily,
  'searchSynonym.create': onSynonyms,
  'searchSynonym.update': onSynonyms,
  'sso.mapping.create': onGroupMapping,
  'sso.mapping.delete': onGroupMapping,
  'retention.anonymise': (e) => ({
    values: {
      feedback: number(e.after, 'feedback') ?? 0,
      acknowledgements: number(e.after, 'acknowledgements') ?? 0,
      date: text(e.after, 'before') ?? '',
    },
    refs: {},
  }),
  'demo.seed': plain,
  'demo.seed.complete': plain,
  // Customer signals: the region's threshold and imports, signals quoted in a draft.
  'signals.threshold': (e, found) => ({
    values: { threshold: number(e.after, 'threshold') ?? '?' },
    refs: { region: regionRef(found, e.subjectId) },
  }),
  'signals.import': (e, found) => ({
    values: { count: number(e.after, 'added') ?? 0 },
    refs: { region: regionRef(found, e.subjectId) },
  }),
  'signals.use-as-input': (e, found) => ({
    values: { count: number(e.after, 'added') ?? 0 },
    refs: { title: guidelineRef(found, e.subjectId) },
  }),
  // Regions learning from each other, and proposals to HQ (all on the guideline).
  'guideline.share': onGuideline,
  'guideline.unshare': onGuideline,
  'guideline.copy': onGuideline,
  'proposal.create': onGuideline,
  'proposal.accept': onGuideline,
  'proposal.decline': onGuideline,
  // Customer panels, on a guideline draft or a principle.
  'panel.open': onPanel,
  'panel.links': (e, found, ability) => ({
    ...onPanel(e, found, ability),
    values: { count: number(e.after, 'links') ?? 0 },
  }),
  'panel.accept': onPanel,
  'panel.reject': onPanel,
}

/** The sentence keys (under `audit.sentences`) the log can ask for, for the locale test. */
export const AUDIT_SENTENCE_KEYS = [
  'unknown',
  ...Object.keys(SENTENCES).map(sentenceKey),
  'decisionRecordNotApplicable',
  'decisionRecordAppliesAsWritten',
  'userOrgRoleNone',
].filter((key) => key !== 'decisionRecord')

function sentenceKey(action: string) {
  return action.replace(/[.-]+([a-zA-Z])/g, (_, letter: string) => letter.toUpperCase())
}

/** How the change came about, when it was not by hand: `after.by`. */
const VIA: Record<string, 'sso' | 'import' | 'cli'> = { sso: 'sso', import: 'import', 'admin:create': 'cli' }

// --- Lookups ----------------------------------------------------------------------------------

const byId = <T extends { id: string }, V>(rows: T[], value: (row: T) => V) =>
  new Map(rows.map((r) => [r.id, value(r)]))
const none = Promise.resolve([] as never[])

/** Looks up what a page of events names: one query per kind of record, each through the ability. */
async function lookUp(ability: AppAbility, events: AuditEventRow[]): Promise<Found> {
  const readable = accessibleBy(ability, 'read')
  const ids = (...types: string[]) => [
    ...new Set(events.filter((e) => types.includes(e.subjectType)).map((e) => e.subjectId)),
  ]
  const principleIds = new Set(ids('Principle'))
  const guidelineIds = new Set(ids('Guideline'))
  const userIds = new Set(ids('User'))
  const regionIds = new Set(ids('Region'))
  for (const e of events) {
    if (e.subjectType === 'CustomerInput' || e.subjectType === 'Acknowledgement') {
      const id = text(e.after, 'guidelineId')
      if (id) guidelineIds.add(id)
    }
    if (e.subjectType === 'Membership') {
      const id = text(e.after, 'userId') ?? text(e.before, 'userId')
      if (id) userIds.add(id)
    }
    if ((e.subjectType === 'Membership' || e.subjectType === 'PrincipleDecision') && e.regionId)
      regionIds.add(e.regionId)
  }
  const inIds = (list: string[]) => ({ id: { in: list } })
  const query = <T>(list: string[], run: () => Promise<T[]>): Promise<T[]> => (list.length ? run() : none)

  const [versionIds, guidelineVersionIds, commentIds, teamCommentIds, decisionIds, feedbackIds, familyIds] = [
    ids('PrincipleVersion'),
    ids('GuidelineVersion'),
    ids('PrincipleComment'),
    ids('GuidelineComment'),
    ids('PrincipleDecision'),
    ids('Feedback'),
    ids('PhraseFamily'),
  ]
  const [principleVersions, guidelineVersions, comments, teamComments, decisions, feedback, families, users, regions] =
    await Promise.all([
      query(versionIds, () =>
        prisma.principleVersion.findMany({
          where: { AND: [readable.ofType('PrincipleVersion'), inIds(versionIds)] },
          select: { id: true, principleId: true, number: true, title: true },
        }),
      ),
      query(guidelineVersionIds, () =>
        prisma.guidelineVersion.findMany({
          where: { AND: [readable.ofType('GuidelineVersion'), inIds(guidelineVersionIds)] },
          select: { id: true, guidelineId: true, number: true, title: true },
        }),
      ),
      query(commentIds, () =>
        prisma.principleComment.findMany({
          where: { AND: [readable.ofType('PrincipleComment'), inIds(commentIds)] },
          select: { id: true, principleId: true },
        }),
      ),
      query(teamCommentIds, () =>
        prisma.guidelineComment.findMany({
          where: { AND: [readable.ofType('GuidelineComment'), inIds(teamCommentIds)] },
          select: { id: true, guidelineId: true },
        }),
      ),
      query(decisionIds, () =>
        prisma.principleDecision.findMany({
          where: { AND: [readable.ofType('PrincipleDecision'), inIds(decisionIds)] },
          select: { id: true, principleId: true },
        }),
      ),
      query(feedbackIds, () =>
        prisma.feedback.findMany({
          where: { AND: [readable.ofType('Feedback'), inIds(feedbackIds)] },
          select: { id: true, guidelineId: true },
        }),
      ),
      query(familyIds, () =>
        prisma.phraseFamily.findMany({
          where: { AND: [readable.ofType('PhraseFamily'), inIds(familyIds)] },
          select: { id: true, name: true },
        }),
      ),
      query([...userIds], () =>
        prisma.user.findMany({
          where: { AND: [readable.ofType('User'), inIds([...userIds])] },
          select: { id: true, name: true },
        }),
      ),
      query([...regionIds], () =>
        prisma.region.findMany({
          where: { AND: [readable.ofType('Region'), inIds([...regionIds])] },
          select: { id: true, name: true },
        }),
      ),
    ])

  for (const row of [...principleVersions, ...comments, ...decisions]) principleIds.add(row.principleId)
  for (const row of [...guidelineVersions, ...teamComments, ...feedback])
    if (row.guidelineId) guidelineIds.add(row.guidelineId)
  const latestTitle = { orderBy: { number: 'desc' as const }, take: 1, select: { title: true } }
  const [principles, guidelines] = await Promise.all([
    query([...principleIds], () =>
      prisma.principle.findMany({
        where: { AND: [readable.ofType('Principle'), inIds([...principleIds])] },
        select: { id: true, slug: true, title: true, status: true, publishedVersion: true, versions: latestTitle },
      }),
    ),
    query([...guidelineIds], () =>
      prisma.guideline.findMany({
        where: { AND: [readable.ofType('Guideline'), inIds([...guidelineIds])] },
        select: {
          id: true,
          title: true,
          status: true,
          regionId: true,
          publishedVersion: true,
          versions: latestTitle,
        },
      }),
    ),
  ])

  return {
    // Who may not read the working copy reads the title of the published version.
    principles: byId(principles, ({ versions, title, ...p }) => ({
      kind: 'principle' as const,
      name: can(ability, 'readDraft', 'Principle', p) || !versions[0] ? title : versions[0].title,
      href: `/principles/${p.slug}`,
    })),
    guidelines: byId(guidelines, ({ versions, title, ...g }) => ({
      kind: 'guideline' as const,
      name: can(ability, 'readDraft', 'Guideline', g) || !versions[0] ? title : versions[0].title,
      href: `/guidelines/${g.id}`,
    })),
    // A person's page and a family's page are for who may change them.
    users: byId(users, (u) => ({
      kind: 'person' as const,
      name: u.name,
      href: can(ability, 'update', 'User', { id: u.id }) ? `/users/${u.id}` : null,
    })),
    regions: byId(regions, (r) => ({ kind: 'region' as const, name: r.name, href: `/regions/${r.id}` })),
    families: byId(families, (f) => ({
      kind: 'family' as const,
      name: f.name,
      href: can(ability, 'update', 'PhraseFamily', { id: f.id }) ? `/tone/${f.id}` : null,
    })),
    principleVersions: byId(principleVersions, (v) => v),
    guidelineVersions: byId(guidelineVersions, (v) => v),
    principleOf: new Map([...comments, ...decisions].map((row) => [row.id, row.principleId])),
    guidelineOf: new Map(
      [...teamComments, ...feedback].flatMap((row) => (row.guidelineId ? [[row.id, row.guidelineId] as const] : [])),
    ),
  }
}

function describe(event: AuditEventRow, found: Found, ability: AppAbility): AuditSentence {
  const describer = Object.hasOwn(SENTENCES, event.action) ? SENTENCES[event.action] : undefined
  if (!describer) return { key: 'unknown', values: { action: event.action }, refs: {} }
  const { key, values, refs } = describer(event, found, ability)
  return { key: key ?? sentenceKey(event.action), values, refs }
}

// --- The page ---------------------------------------------------------------------------------

/**
 * The audit log page: a page of entries as sentences (with the raw event for auditors), the
 * filters it was asked for, and the people who appear in the log the reader may read.
 */
export async function auditLog(ability: AppAbility, search: URLSearchParams) {
  authorize(ability, 'read', 'AuditEvent')
  const filters = parseAuditFilters(search)
  const [{ events, hasMore }, people] = await Promise.all([
    listAuditEvents(ability, filters),
    prisma.user.findMany({
      where: { auditEvents: { some: readableEvents(ability) } },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      select: { id: true, name: true },
    }),
  ])
  const found = await lookUp(ability, events)
  const entries = events.map((event) => {
    const by = text(event.after, 'by')
    return {
      id: event.id,
      createdAt: event.createdAt,
      kind: kindOf(event.subjectType),
      actor: event.actorId ? (event.actor?.name ?? null) : null,
      sentence: describe(event, found, ability),
      via: by && Object.hasOwn(VIA, by) ? VIA[by]! : null,
      action: event.action,
      subjectType: event.subjectType,
      subjectId: event.subjectId,
      before: event.before,
      after: event.after,
    }
  })
  return { entries, hasMore, filters, people, kinds: AUDIT_KINDS }
}
