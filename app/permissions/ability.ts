// Types and the constructor of Leidraad's CASL ability, shared by server and browser.
// The rules themselves are defined once, on the server (ability.server.ts); the browser
// receives them packed and rebuilds the same typed ability (see useAbility in can.tsx).
import { subject as asSubject, type Ability, type RawRuleOf } from '@casl/ability'
import { unpackRules, type PackRule } from '@casl/ability/extra'
import { createPrismaAbility, type Model, type PrismaQueryOf, type Subjects } from '@casl/prisma/runtime'
import type {
  AuditEvent,
  CustomerConsultation,
  CustomerInput,
  CustomerResponse,
  CustomerSignal,
  Feedback,
  Guideline,
  GuidelineComment,
  GuidelineVersion,
  PrincipleDecision,
  Mail,
  Membership,
  Notification,
  PhraseFamily,
  SearchMiss,
  SearchSynonym,
  Prisma,
  Principle,
  PrincipleComment,
  PrincipleVersion,
  Proposal,
  Region,
  SsoGroupMapping,
  ToneReport,
  User,
} from '~/generated/prisma/browser.ts'

/**
 * `manage` means every action (admin only). `readDraft`: read a principle's working copy (not
 * only its published version); for guidelines: the working copy, review state and comments.
 * `comment`: take part in a consultation. `publish`/`archive`: lifecycle steps that are not
 * ordinary edits — for guidelines `publish` also covers sending back from review and resolving
 * *needs review* ("still valid"), the manager's decisions in the matrix. `acknowledge`: confirm
 * a published guideline as read and understood (the region's own people; HQ reads without confirming).
 * `share`: offer a published guideline to all regions as an example (or withdraw it);
 * `readExample`: read another region's shared example (its published version) and start from it.
 */
export type Action =
  | 'manage'
  | 'create'
  | 'read'
  | 'update'
  | 'delete'
  | 'readDraft'
  | 'comment'
  | 'publish'
  | 'archive'
  | 'acknowledge'
  | 'share'
  | 'readExample'

export type SubjectModels = {
  Region: Region
  User: User
  Membership: Membership
  AuditEvent: AuditEvent
  Principle: Principle
  PrincipleVersion: PrincipleVersion
  PrincipleComment: PrincipleComment
  Guideline: Guideline
  GuidelineVersion: GuidelineVersion
  GuidelineComment: GuidelineComment
  CustomerInput: CustomerInput
  CustomerSignal: CustomerSignal
  Proposal: Proposal
  CustomerConsultation: CustomerConsultation
  CustomerResponse: CustomerResponse
  PrincipleDecision: PrincipleDecision
  Feedback: Feedback
  PhraseFamily: PhraseFamily
  SearchSynonym: SearchSynonym
  SearchMiss: SearchMiss
  Notification: Notification
  Mail: Mail
  SsoGroupMapping: SsoGroupMapping
  ToneReport: ToneReport
}
export type SubjectName = keyof SubjectModels

export type PrismaQuery<T extends Model<Record<string, unknown>, string> = Model<Record<string, unknown>, string>> =
  PrismaQueryOf<Prisma.TypeMap, T>

export type AppSubjects = 'all' | Subjects<SubjectModels>
export type AppAbility = Ability<[Action, AppSubjects], PrismaQuery>
export type AppRule = RawRuleOf<AppAbility>

export function createAppAbility(rules: AppRule[] = []): AppAbility {
  return createPrismaAbility<AppAbility>(rules)
}

export function abilityFromPackedRules(packed: PackRule<AppRule>[]): AppAbility {
  return createAppAbility(unpackRules(packed))
}

/** A record of a subject type, as much of it as the rules' conditions look at. */
export type SubjectRecord<N extends SubjectName> = Partial<SubjectModels[N]> & Record<string, unknown>

/**
 * Whether the ability allows `action` on this record (or, without a record, on some record of the
 * type: conditions are then ignored, so use it only for "may this user ever …"). The one typed
 * check for server and browser alike.
 */
export function can<N extends SubjectName>(
  ability: AppAbility,
  action: Action,
  subjectType: N,
  record?: SubjectRecord<N>,
): boolean {
  if (!record) return ability.can(action, subjectType)
  // CASL's typings want the model type of the subject; a partial record is what the rules read.
  return ability.can(action, asSubject(subjectType, { ...record }) as unknown as AppSubjects)
}

/**
 * A region nobody belongs to. A rule that allows something there holds for every region: asking
 * about it tells whether someone works organisation-wide (HQ, the admin) rather than in their regions.
 */
export const ANY_REGION = 'a-region-of-no-one'
