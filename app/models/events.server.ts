// Domain events: what happened, written to the DomainEvent outbox in the same transaction as the
// change itself, so an event exists exactly when its change does. The background worker turns
// each into notifications and mails (app/models/notifications.server.ts); nothing here sends.
import type { Prisma } from '~/generated/prisma/client.ts'
import type { Db } from '~/utils/db.server.ts'

export type DomainEventInput =
  | {
      kind: 'guideline.published'
      guidelineId: string
      regionId: string
      number: number
      material: boolean
      confirmBy: string | null
    }
  | { kind: 'guideline.submitted'; guidelineId: string; regionId: string }
  | { kind: 'guideline.sentBack'; guidelineId: string; regionId: string }
  | { kind: 'principle.published'; principleId: string; number: number }
  | { kind: 'consultation.opened'; principleId: string }
  | { kind: 'feedback.answered'; feedbackId: string }
  | { kind: 'feedback.passedOn'; feedbackId: string }
  | { kind: 'comment.reply'; subject: 'PrincipleComment' | 'GuidelineComment'; commentId: string; parentId: string }

export type DomainEventKind = DomainEventInput['kind']

let wakeWorker: (() => void) | null = null

/** The background worker asks to be woken when events are written (it also polls, so this is only for speed). */
export function onEventRecorded(wake: () => void) {
  wakeWorker = wake
}

/** Appends an event to the outbox. Call it inside the same transaction as the change. */
export async function recordEvent(tx: Pick<Db, 'domainEvent'>, actorId: string | null, event: DomainEventInput) {
  const { kind, ...payload } = event
  const row = await tx.domainEvent.create({ data: { kind, payload: payload as Prisma.InputJsonObject, actorId } })
  // After the surrounding transaction has (most likely) committed.
  if (wakeWorker) setTimeout(wakeWorker, 50).unref()
  return row
}
