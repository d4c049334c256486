// The guard the domain calls before every read and write: refuses with a typed Forbidden (the
// web layer turns it into a 403). No framework here, so the domain stays framework-free.
import { Forbidden } from '~/utils/errors.ts'
import { can, type Action, type AppAbility, type SubjectName, type SubjectRecord } from './ability.ts'

/** Throws Forbidden unless the ability allows `action` on the type (no record: conditions ignored). */
export function authorize(ability: AppAbility, action: Action, subjectType: SubjectName): void
/** Throws Forbidden unless the ability allows `action` on this record. */
export function authorize<N extends SubjectName>(
  ability: AppAbility,
  action: Action,
  subjectType: N,
  record: SubjectRecord<N>,
): void
export function authorize<N extends SubjectName>(
  ability: AppAbility,
  action: Action,
  subjectType: N,
  record?: SubjectRecord<N>,
): void {
  if (!can(ability, action, subjectType, record)) throw new Forbidden()
}
