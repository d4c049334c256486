import { subject as asSubject } from '@casl/ability'
import { data } from '@remix-run/node'
import type { Action, AppAbility, SubjectModels, SubjectName } from './ability.ts'

/** Throws 403 unless the ability allows `action` on the type (no record: conditions ignored). */
export function authorize(ability: AppAbility, action: Action, subjectType: SubjectName): void
/** Throws 403 unless the ability allows `action` on this record. */
export function authorize<N extends SubjectName>(
  ability: AppAbility,
  action: Action,
  subjectType: N,
  record: Partial<SubjectModels[N]> & Record<string, unknown>,
): void
export function authorize(
  ability: AppAbility,
  action: Action,
  subjectType: SubjectName,
  record?: Record<string, unknown>,
): void {
  const allowed = record
    ? ability.can(action, asSubject(subjectType, { ...record }) as never)
    : ability.can(action, subjectType)
  if (!allowed) throw forbidden()
}

export function can<N extends SubjectName>(
  ability: AppAbility,
  action: Action,
  subjectType: N,
  record: Partial<SubjectModels[N]> & Record<string, unknown>,
): boolean {
  return ability.can(action, asSubject(subjectType, { ...record }) as never)
}

export const forbidden = () => data({ message: 'forbidden' }, { status: 403 })
export const notFound = () => data({ message: 'not-found' }, { status: 404 })

/** `invariantResponse` of the Epic Stack: a missing record is a 404, never a 500. */
export function invariantFound<T>(value: T | null | undefined): asserts value is T {
  if (value === null || value === undefined) throw notFound()
}
