// The refusals the domain throws. They know nothing of HTTP frameworks: the web layer
// (app/web/responses.server.ts) is the one place that turns them into responses, and the
// action dispatcher turns Invalid and Conflict into the form's own field errors.

/** A refusal the user can understand: `key` is an i18n key, `field` the form field it concerns. */
export abstract class DomainError extends Error {
  abstract readonly status: 400 | 403 | 404 | 409 | 413 | 429
  constructor(
    readonly key: string,
    readonly field?: string,
    readonly values?: Record<string, string | number>,
  ) {
    super(key)
    this.name = new.target.name
  }
}

/** The input cannot be accepted (400): a field's value, or the form as a whole. */
export class Invalid extends DomainError {
  readonly status: 400 | 413 = 400
}

/** The input is larger than anything the app accepts (413). */
export class TooLarge extends Invalid {
  override readonly status = 413 as const
}

/** Too many attempts of a guessable check (429); `values.minutes` says how long to wait. */
export class TooManyAttempts extends DomainError {
  readonly status = 429 as const
  constructor(key: string, field: string | undefined, retryAfterSeconds: number) {
    super(key, field, { minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) })
  }
}

/** The ability does not allow this (403). */
export class Forbidden extends DomainError {
  readonly status = 403 as const
  constructor(key = 'errors.forbidden') {
    super(key)
  }
}

/** Missing, or not readable by this user: the two look the same (404), so nothing leaks. */
export class NotFound extends DomainError {
  readonly status = 404 as const
  constructor(key = 'errors.notFound') {
    super(key)
  }
}

/** The record is not in a state that allows this, or changed meanwhile (409). */
export class Conflict extends DomainError {
  readonly status = 409 as const
}

/** A save made on an older revision than the stored one (optimistic locking): nothing was written. */
export class StaleRevisionError extends Conflict {
  constructor(
    readonly current: { title: string; body: unknown; revision: number; updatedBy: string; updatedAt: Date },
  ) {
    super('principles.conflict')
  }
}

/** Prisma's "unique constraint failed" (P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'P2002'
}

/** `invariantResponse` of the Epic Stack, without the response: a missing record is a NotFound, never a 500. */
export function invariantFound<T>(value: T | null | undefined): asserts value is T {
  if (value === null || value === undefined) throw new NotFound()
}
