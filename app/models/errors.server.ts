/** A refusal the user can fix; routes turn it into a 4xx with the message key shown. */
export class DomainError extends Error {
  constructor(
    readonly key: string,
    readonly status: 400 | 404 | 409 = 409,
    readonly field?: string,
  ) {
    super(key)
  }
}

/** Prisma's "unique constraint failed" (P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'P2002'
}

/** A save made on an older revision than the stored one (optimistic locking): nothing was written. */
export class StaleRevisionError extends DomainError {
  constructor(readonly current: { title: string; body: unknown; revision: number; updatedBy: string; updatedAt: Date }) {
    super('principles.conflict', 409)
  }
}
