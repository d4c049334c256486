// The core that principles and guidelines share: both are *versioned documents*. Writers edit a
// working copy (title, rich-text body, plain-text projection, status, revision); every save
// carries the revision it was made on and loses to a newer one (StaleRevisionError, nothing
// written); lifecycle steps move the status in one guarded statement; publishing freezes the
// working copy as the next immutable version. Every step checks the ability on the record and
// writes an AuditEvent in the same transaction. A kind (principle.server.ts, guideline.server.ts)
// says which tables, which subject and which audit names.
import { accessibleBy } from '@casl/prisma/runtime'
import type { JSONContent } from '@tiptap/core'
import { parseDocument } from '~/editor/document.ts'
import type { Prisma } from '~/generated/prisma/client.ts'
import type { Action, AppAbility } from '~/permissions/ability.ts'
import { authorize } from '~/permissions/authorize.ts'
import { prisma, type Db } from '~/utils/db.server.ts'
import { Conflict, Invalid, invariantFound, StaleRevisionError, TooLarge } from '~/utils/errors.ts'
import { recordAudit } from './audit.server.ts'

export { StaleRevisionError }

/** A title and rich-text body that passed the editor's schema, with its plain-text projection. */
export interface DocumentInput {
  title: string
  json: JSONContent
  text: string
}

/** Checks a submitted body (the editor's JSON as text) against the editor's schema; refusals name the `body` field. */
export function documentInput(title: string, body: string): DocumentInput {
  const document = parseDocument(body)
  if (!document.ok) {
    throw document.error === 'editor.errors.tooLarge'
      ? new TooLarge(document.error, 'body')
      : new Invalid(document.error, 'body')
  }
  return { title, json: document.json, text: document.text }
}

export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0]
type Client = Db | Tx

/** The fields every versioned document has. */
export interface WorkingCopy {
  id: string
  status: string
  revision: number
  publishedVersion: number
  title: string
  body: unknown
  bodyText: string
  updatedAt: Date
}

/** The part of a Prisma model delegate the core uses (principle and guideline tables both fit). */
export interface DocumentTable<R> {
  create(args: { data: object }): Promise<R>
  findFirst(args: { where: object; include?: object }): Promise<R | null>
  findUniqueOrThrow(args: {
    where: { id: string }
    include: { updatedBy: { select: { name: true } } }
  }): Promise<R & { updatedBy: { name: string } }>
  updateMany(args: { where: object; data: object }): Promise<{ count: number }>
}
export interface PublishedVersion {
  id: string
  number: number
  title: string
  body: unknown
  bodyText: string
  changeNote: string
  publishedAt: Date
  publishedBy: { name: string }
}
export interface VersionTable {
  create(args: { data: object }): Promise<Omit<PublishedVersion, 'publishedBy'>>
  findFirst(args: {
    where: object
    include: { publishedBy: { select: { name: true } } }
  }): Promise<PublishedVersion | null>
  findMany(args: { where: object; orderBy: object; select: object }): Promise<unknown[]>
}

export interface DocumentKind<R extends WorkingCopy> {
  subject: 'Principle' | 'Guideline'
  /** Version rows: `PrincipleVersion` / `GuidelineVersion`, linked by `foreignKey`. */
  versionSubject: 'PrincipleVersion' | 'GuidelineVersion'
  foreignKey: 'principleId' | 'guidelineId'
  /** The first word of the audit actions: `principle.update`, `guideline.publish`, … */
  audit: 'principle' | 'guideline'
  /** i18n key prefix of the kind's messages: `principles.errors.archived`, … */
  messages: 'principles' | 'guidelines'
  documents(db: Client): DocumentTable<R>
  versions(db: Client): VersionTable
  /** The region an audit event belongs to (guidelines), or null (principles). */
  regionOf(document: R): string | null
}

const readable = <R extends WorkingCopy>(kind: DocumentKind<R>, ability: AppAbility) =>
  accessibleBy(ability, 'read').ofType(kind.subject)

/** The document if the ability may read it (NotFound otherwise, so its existence does not leak) and do `action` on it (Forbidden). */
export async function requireDocument<R extends WorkingCopy>(
  kind: DocumentKind<R>,
  ability: AppAbility,
  where: object,
  action: Action = 'read',
  db: Client = prisma,
  include?: object,
): Promise<R> {
  const document = await kind.documents(db).findFirst({ where: { AND: [readable(kind, ability), where] }, include })
  invariantFound(document)
  authorize(ability, action, kind.subject, document as Record<string, unknown>)
  return document
}

/** The document's published version as readers see it (null before the first publication). */
export async function publishedVersionOf<R extends WorkingCopy>(
  kind: DocumentKind<R>,
  document: R,
): Promise<PublishedVersion | null> {
  if (!document.publishedVersion) return null
  return kind.versions(prisma).findFirst({
    where: { [kind.foreignKey]: document.id, number: document.publishedVersion },
    include: { publishedBy: { select: { name: true } } },
  })
}

/** Creates a document's working copy (a draft) and its audit event; `data` may read the transaction (a free slug). */
export function createDocument<R extends WorkingCopy>(
  kind: DocumentKind<R>,
  actorId: string,
  input: DocumentInput,
  options: {
    data: (tx: Tx) => object | Promise<object>
    audit: (document: R) => Prisma.InputJsonObject
    /** More writes that belong to the creation: they and the document are stored together or not at all. */
    after?: (document: R, tx: Tx) => Promise<unknown>
  },
) {
  return prisma.$transaction(async (tx) => {
    const document = await kind.documents(tx).create({
      data: {
        title: input.title,
        body: input.json as Prisma.InputJsonValue,
        bodyText: input.text,
        createdById: actorId,
        updatedById: actorId,
        ...(await options.data(tx)),
      },
    })
    await recordAudit(tx, {
      actorId,
      action: `${kind.audit}.create`,
      subjectType: kind.subject,
      subjectId: document.id,
      regionId: kind.regionOf(document),
      after: options.audit(document),
    })
    await options.after?.(document, tx)
    return document
  })
}

/** A save of the working copy on the revision it was made on (see saveWorkingCopy). */
export type SaveWorkingCopy = (
  ability: AppAbility,
  actorId: string,
  id: string,
  input: DocumentInput & { baseRevision: number },
  /** More writes that belong to the save: stored together with it or not at all. */
  after?: (tx: Tx) => Promise<unknown>,
) => Promise<{ revision: number }>

/**
 * Saves the working copy, only if nobody saved since `baseRevision` (otherwise StaleRevisionError
 * and nothing is written). Editing a published document starts a draft revision; the published
 * version stays what readers see until the next publication.
 */
export async function saveWorkingCopy<R extends WorkingCopy>(
  kind: DocumentKind<R>,
  ability: AppAbility,
  actorId: string,
  id: string,
  input: DocumentInput & { baseRevision: number },
  after?: (tx: Tx) => Promise<unknown>,
) {
  return prisma.$transaction(async (tx) => {
    const current = await requireDocument(kind, ability, { id }, 'update', tx)
    if (current.status === 'archived') throw new Conflict(`${kind.messages}.errors.archived`)
    const status = current.status === 'published' ? 'draft' : current.status
    // The revision check and the write are one statement, so two concurrent saves cannot both win.
    const { count } = await kind.documents(tx).updateMany({
      where: { id, revision: input.baseRevision, status: { not: 'archived' } },
      data: {
        title: input.title,
        body: input.json as Prisma.InputJsonValue,
        bodyText: input.text,
        status,
        revision: { increment: 1 },
        updatedById: actorId,
      },
    })
    if (count === 0) {
      const latest = await kind
        .documents(tx)
        .findUniqueOrThrow({ where: { id }, include: { updatedBy: { select: { name: true } } } })
      throw new StaleRevisionError({
        title: latest.title,
        body: latest.body,
        revision: latest.revision,
        updatedBy: latest.updatedBy.name,
        updatedAt: latest.updatedAt,
      })
    }
    await recordAudit(tx, {
      actorId,
      action: `${kind.audit}.update`,
      subjectType: kind.subject,
      subjectId: id,
      regionId: kind.regionOf(current),
      before: { title: current.title, revision: current.revision, status: current.status },
      after: { title: input.title, revision: input.baseRevision + 1, status },
    })
    await after?.(tx)
    return { revision: input.baseRevision + 1 }
  })
}

/** A lifecycle step: who may take it, from which statuses, what it writes. */
export interface Step<R extends WorkingCopy> {
  action: Action
  from: string[]
  /** The audit action after the kind's prefix: `consultation.open` → `principle.consultation.open`. */
  audit: string
  data: (document: R, tx: Tx) => object | Promise<object>
  /** What the audit event records as `before` (default: the status). */
  before?: (document: R) => Prisma.InputJsonObject
  /** Written in the same transaction after the step (e.g. the comment that sends a draft back). */
  after?: (document: R, tx: Tx) => Promise<unknown>
  note?: Prisma.InputJsonObject
}

/** Moves the document through a lifecycle step; refused (409) when someone changed it since it was read. */
export async function changeStatus<R extends WorkingCopy>(
  kind: DocumentKind<R>,
  ability: AppAbility,
  actorId: string,
  id: string,
  step: Step<R>,
) {
  return prisma.$transaction(async (tx) => {
    const document = await requireDocument(kind, ability, { id }, step.action, tx)
    if (!step.from.includes(document.status)) throw new Conflict(`${kind.messages}.errors.wrongStatus`)
    const data = await step.data(document, tx)
    const { count } = await kind
      .documents(tx)
      .updateMany({ where: { id, status: document.status, revision: document.revision }, data })
    if (count === 0) throw new Conflict('principles.errors.changedMeanwhile')
    await step.after?.(document, tx)
    await recordAudit(tx, {
      actorId,
      action: `${kind.audit}.${step.audit}`,
      subjectType: kind.subject,
      subjectId: id,
      regionId: kind.regionOf(document),
      before: step.before?.(document) ?? { status: document.status },
      after: { ...(JSON.parse(JSON.stringify(data)) as Prisma.InputJsonObject), ...step.note },
    })
    return document
  })
}

/** How a kind publishes: from which statuses, what the document and the new version get, what the audit says. */
export interface Publication<R extends WorkingCopy> {
  from: string[]
  baseRevision: number
  changeNote: string
  /** Extra fields of the document after publication (besides status and publishedVersion). */
  document: (document: R, number: number, tx: Tx) => object | Promise<object>
  /** Extra fields of the version row (besides title, body, text, change note, author). */
  version?: (document: R, number: number, tx: Tx) => object | Promise<object>
  audit: (document: R, version: { number: number; title: string }) => Prisma.InputJsonObject
  /** Written in the same transaction after the version (e.g. the domain event that notifies readers). */
  after?: (document: R, version: { id: string; number: number }, tx: Tx) => Promise<unknown>
  /** Read with the document (e.g. the principle's current version, for a guideline). */
  include?: object
}

/**
 * Publishes the working copy as the next immutable version — only the revision the publisher
 * looked at (`baseRevision`), only from the statuses the kind allows.
 */
export async function publishWorkingCopy<R extends WorkingCopy>(
  kind: DocumentKind<R>,
  ability: AppAbility,
  actorId: string,
  id: string,
  publication: Publication<R>,
) {
  return prisma.$transaction(async (tx) => {
    const document = await requireDocument(kind, ability, { id }, 'publish', tx, publication.include)
    if (!publication.from.includes(document.status)) {
      throw new Conflict(
        kind.subject === 'Principle'
          ? 'principles.errors.publishNeedsConsultation'
          : `${kind.messages}.errors.wrongStatus`,
      )
    }
    const number = document.publishedVersion + 1
    const { count } = await kind.documents(tx).updateMany({
      where: { id, revision: publication.baseRevision, status: document.status },
      data: { status: 'published', publishedVersion: number, ...(await publication.document(document, number, tx)) },
    })
    if (count === 0) throw new Conflict('principles.errors.changedMeanwhile')
    const version = await kind.versions(tx).create({
      data: {
        [kind.foreignKey]: id,
        number,
        title: document.title,
        body: document.body as Prisma.InputJsonValue,
        bodyText: document.bodyText,
        changeNote: publication.changeNote,
        publishedById: actorId,
        ...(await publication.version?.(document, number, tx)),
      },
    })
    await publication.after?.(document, version, tx)
    await recordAudit(tx, {
      actorId,
      action: `${kind.audit}.publish`,
      subjectType: kind.versionSubject,
      subjectId: version.id,
      regionId: kind.regionOf(document),
      after: publication.audit(document, version),
    })
    return version
  })
}

export interface VersionSummary {
  number: number
  title: string
  changeNote: string
  publishedAt: Date
  publishedBy: { name: string }
}

/** A document's versions the ability may read, newest first, without bodies (plus `extra` fields a kind lists). */
export async function listDocumentVersions<R extends WorkingCopy, E extends object = object>(
  kind: DocumentKind<R>,
  ability: AppAbility,
  id: string,
  extra: Record<string, true> = {},
): Promise<(VersionSummary & E)[]> {
  const rows = await kind.versions(prisma).findMany({
    where: { AND: [accessibleBy(ability, 'read').ofType(kind.versionSubject), { [kind.foreignKey]: id }] },
    orderBy: { number: 'desc' },
    select: {
      number: true,
      title: true,
      changeNote: true,
      publishedAt: true,
      publishedBy: { select: { name: true } },
      ...extra,
    },
  })
  return rows as (VersionSummary & E)[]
}

/** One version by number (NotFound unless the ability may read it). */
export async function requireDocumentVersion<R extends WorkingCopy>(
  kind: DocumentKind<R>,
  ability: AppAbility,
  id: string,
  number: number,
) {
  if (!Number.isSafeInteger(number) || number < 1) invariantFound(null)
  const version = await kind.versions(prisma).findFirst({
    where: { AND: [accessibleBy(ability, 'read').ofType(kind.versionSubject), { [kind.foreignKey]: id, number }] },
    include: { publishedBy: { select: { name: true } } },
  })
  invariantFound(version)
  return version
}
