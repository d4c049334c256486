import { describe, expect, it } from 'vitest'
import type { RegionRole } from '~/generated/prisma/enums.ts'
import { can, type Action, type SubjectName } from './ability.ts'
import { defineAbilityFor, type AbilityUser } from './ability.server.ts'

// "own" = region A, where the regional roles below have their membership; "other" = region B.
const OWN = 'region-a'
const OTHER = 'region-b'

type Role = 'admin' | 'hq_editor' | 'manager' | 'member' | 'frontline' | 'none'
const ROLES: Role[] = ['admin', 'hq_editor', 'manager', 'member', 'frontline', 'none']

function userWith(role: Role, extra: Partial<AbilityUser> = {}): AbilityUser {
  const regional = ['manager', 'member', 'frontline'].includes(role)
  return {
    id: `user-${role}`,
    orgRole: role === 'admin' || role === 'hq_editor' ? role : null,
    deactivatedAt: null,
    memberships: regional ? [{ regionId: OWN, role: role as RegionRole }] : [],
    ...extra,
  }
}

interface Case {
  name: string
  action: Action
  subject: SubjectName
  /** The record, or a function of the role for records that belong to the signed-in user. */
  record: Record<string, unknown> | ((role: Role) => Record<string, unknown>)
  allowed: Role[]
}

const membership = (regionId: string, role: RegionRole) => ({ id: 'm1', userId: 'someone', regionId, role })

const ALL: Role[] = ['admin', 'hq_editor', 'manager', 'member', 'frontline', 'none']
const HQ: Role[] = ['admin', 'hq_editor']
const future = new Date(Date.now() + 86_400_000)
const past = new Date(Date.now() - 86_400_000)
const principle = (status: string, publishedVersion = 0, consultationEndsAt: Date | null = null) => ({
  id: 'p1',
  status,
  publishedVersion,
  consultationEndsAt,
})
const ofPrinciple = (status: string) => ({ principleId: 'p1', principle: { status } })

const guideline = (regionId: string, status: string, publishedVersion = 0) => ({
  id: 'g1',
  regionId,
  status,
  publishedVersion,
})
const ofGuideline = (regionId: string, status = 'draft') => ({ guidelineId: 'g1', guideline: { regionId, status } })
const REGION_TEAM: Role[] = ['admin', 'hq_editor', 'manager', 'member']

const GUIDELINE_CASES: Case[] = [
  {
    name: 'read a published guideline in own region',
    action: 'read',
    subject: 'Guideline',
    record: guideline(OWN, 'published', 1),
    allowed: ['admin', 'hq_editor', 'manager', 'member', 'frontline'],
  },
  {
    name: 'read a draft guideline in own region',
    action: 'read',
    subject: 'Guideline',
    record: guideline(OWN, 'draft'),
    allowed: REGION_TEAM,
  },
  {
    name: 'read a guideline in review in own region',
    action: 'read',
    subject: 'Guideline',
    record: guideline(OWN, 'review'),
    allowed: REGION_TEAM,
  },
  {
    name: 'read the working copy of a revised guideline',
    action: 'readDraft',
    subject: 'Guideline',
    record: guideline(OWN, 'draft', 1),
    allowed: REGION_TEAM,
  },
  {
    name: 'read a published guideline in another region',
    action: 'read',
    subject: 'Guideline',
    record: guideline(OTHER, 'published', 1),
    allowed: HQ,
  },
  {
    name: 'read a draft in another region',
    action: 'readDraft',
    subject: 'Guideline',
    record: guideline(OTHER, 'draft'),
    allowed: HQ,
  },
  {
    name: 'create a draft guideline in own region',
    action: 'create',
    subject: 'Guideline',
    record: guideline(OWN, 'draft'),
    allowed: ['admin', 'manager', 'member'],
  },
  {
    name: 'create a guideline straight as published',
    action: 'create',
    subject: 'Guideline',
    record: guideline(OWN, 'published'),
    allowed: ['admin'],
  },
  {
    name: 'create a guideline in another region',
    action: 'create',
    subject: 'Guideline',
    record: guideline(OTHER, 'draft'),
    allowed: ['admin'],
  },
  {
    name: 'edit a draft in own region',
    action: 'update',
    subject: 'Guideline',
    record: guideline(OWN, 'draft'),
    allowed: ['admin', 'manager', 'member'],
  },
  {
    name: 'edit a guideline in review in own region',
    action: 'update',
    subject: 'Guideline',
    record: guideline(OWN, 'review'),
    allowed: ['admin', 'manager', 'member'],
  },
  {
    name: 'edit a published guideline in own region',
    action: 'update',
    subject: 'Guideline',
    record: guideline(OWN, 'published', 1),
    allowed: ['admin', 'manager'],
  },
  {
    name: 'edit a guideline in another region',
    action: 'update',
    subject: 'Guideline',
    record: guideline(OTHER, 'draft'),
    allowed: ['admin'],
  },
  {
    name: 'publish / send back / resolve needs review in own region',
    action: 'publish',
    subject: 'Guideline',
    record: guideline(OWN, 'review'),
    allowed: ['admin', 'manager'],
  },
  {
    name: 'publish in another region',
    action: 'publish',
    subject: 'Guideline',
    record: guideline(OTHER, 'review'),
    allowed: ['admin'],
  },
  {
    name: 'archive in own region',
    action: 'archive',
    subject: 'Guideline',
    record: guideline(OWN, 'published', 1),
    allowed: ['admin', 'manager'],
  },
  {
    name: 'read a version of an own-region guideline',
    action: 'read',
    subject: 'GuidelineVersion',
    record: ofGuideline(OWN, 'published'),
    allowed: ['admin', 'hq_editor', 'manager', 'member', 'frontline'],
  },
  {
    name: 'read a version of another region’s guideline',
    action: 'read',
    subject: 'GuidelineVersion',
    record: ofGuideline(OTHER, 'published'),
    allowed: HQ,
  },
  {
    name: 'alter a guideline version',
    action: 'update',
    subject: 'GuidelineVersion',
    record: ofGuideline(OWN, 'published'),
    allowed: [],
  },
  {
    name: 'read team comments in own region',
    action: 'read',
    subject: 'GuidelineComment',
    record: ofGuideline(OWN),
    allowed: REGION_TEAM,
  },
  {
    name: 'comment on a draft in own region',
    action: 'create',
    subject: 'GuidelineComment',
    record: ofGuideline(OWN),
    allowed: ['admin', 'manager', 'member'],
  },
  {
    name: 'comment in another region',
    action: 'create',
    subject: 'GuidelineComment',
    record: ofGuideline(OTHER),
    allowed: ['admin'],
  },
  {
    name: 'resolve a team comment in own region',
    action: 'update',
    subject: 'GuidelineComment',
    record: ofGuideline(OWN),
    allowed: ['admin', 'manager'],
  },
  {
    name: 'read customer input in own region',
    action: 'read',
    subject: 'CustomerInput',
    record: ofGuideline(OWN),
    allowed: REGION_TEAM,
  },
  {
    name: 'add customer input in own region',
    action: 'create',
    subject: 'CustomerInput',
    record: ofGuideline(OWN),
    allowed: ['admin', 'manager', 'member'],
  },
  {
    name: 'confirm a published guideline of own region as read',
    action: 'acknowledge',
    subject: 'Guideline',
    record: guideline(OWN, 'published', 1),
    allowed: ['manager', 'member', 'frontline'],
  },
  {
    name: 'confirm a guideline of another region as read',
    action: 'acknowledge',
    subject: 'Guideline',
    record: guideline(OTHER, 'published', 1),
    allowed: [],
  },
  {
    name: 'read own region’s decisions',
    action: 'read',
    subject: 'PrincipleDecision',
    record: { regionId: OWN },
    allowed: ['admin', 'hq_editor', 'manager', 'member', 'frontline'],
  },
  {
    name: 'read another region’s decisions',
    action: 'read',
    subject: 'PrincipleDecision',
    record: { regionId: OTHER },
    allowed: HQ,
  },
  {
    name: 'decide for own region',
    action: 'create',
    subject: 'PrincipleDecision',
    record: { regionId: OWN },
    allowed: ['admin', 'manager'],
  },
  {
    name: 'decide for another region',
    action: 'create',
    subject: 'PrincipleDecision',
    record: { regionId: OTHER },
    allowed: ['admin'],
  },
]

const feedback = (regionId: string, authorId: string, passedToHqAt: Date | null = null) => ({
  id: 'f1',
  regionId,
  authorId,
  passedToHqAt,
})
const FEEDBACK_CASES: Case[] = [
  {
    name: 'send feedback on own region',
    action: 'create',
    subject: 'Feedback',
    record: (role: Role) => feedback(OWN, `user-${role}`),
    allowed: ['admin', 'manager', 'member', 'frontline'],
  },
  {
    name: 'send feedback on another region',
    action: 'create',
    subject: 'Feedback',
    record: (role: Role) => feedback(OTHER, `user-${role}`),
    allowed: ['admin'],
  },
  {
    name: 'send feedback in someone else’s name',
    action: 'create',
    subject: 'Feedback',
    record: feedback(OWN, 'someone'),
    allowed: ['admin'],
  },
  {
    name: 'read own feedback',
    action: 'read',
    subject: 'Feedback',
    record: (role: Role) => feedback(OWN, `user-${role}`),
    allowed: ROLES,
  },
  {
    name: 'read a colleague’s feedback in own region',
    action: 'read',
    subject: 'Feedback',
    record: feedback(OWN, 'someone'),
    allowed: ['admin', 'manager'],
  },
  {
    name: 'read feedback passed on to HQ',
    action: 'read',
    subject: 'Feedback',
    record: feedback(OTHER, 'someone', new Date()),
    allowed: ['admin', 'hq_editor'],
  },
  {
    name: 'answer / close / pass on feedback in own region',
    action: 'update',
    subject: 'Feedback',
    record: feedback(OWN, 'someone'),
    allowed: ['admin', 'manager'],
  },
  {
    name: 'answer feedback in another region',
    action: 'update',
    subject: 'Feedback',
    record: feedback(OTHER, 'someone'),
    allowed: ['admin'],
  },
]

const PHRASE_FAMILY_CASES: Case[] = [
  {
    name: 'read the tone check’s phrase families',
    action: 'read',
    subject: 'PhraseFamily',
    record: { id: 'pf1', enabled: true },
    allowed: ALL,
  },
  { name: 'add a phrase family', action: 'create', subject: 'PhraseFamily', record: { id: 'pf1' }, allowed: HQ },
  {
    name: 'edit or disable a phrase family',
    action: 'update',
    subject: 'PhraseFamily',
    record: { id: 'pf1', enabled: true },
    allowed: HQ,
  },
  { name: 'delete a phrase family', action: 'delete', subject: 'PhraseFamily', record: { id: 'pf1' }, allowed: [] },
  {
    name: 'read phrase family audit events',
    action: 'read',
    subject: 'AuditEvent',
    record: { regionId: null, subjectType: 'PhraseFamily' },
    allowed: HQ,
  },
]

const toneReport = (reporter: string) => ({ id: 'tr1', reporterId: reporter, status: 'pending', kind: 'missed' })
const TONE_REPORT_CASES: Case[] = [
  {
    name: 'report a wrong or missed underline as oneself',
    action: 'create',
    subject: 'ToneReport',
    record: (role) => toneReport(`user-${role}`),
    allowed: ['admin', 'hq_editor', 'manager', 'member'],
  },
  {
    name: 'report in someone else’s name',
    action: 'create',
    subject: 'ToneReport',
    record: toneReport('someone'),
    allowed: ['admin'],
  },
  {
    name: 'read one’s own report',
    action: 'read',
    subject: 'ToneReport',
    record: (role) => toneReport(`user-${role}`),
    allowed: ['admin', 'hq_editor', 'manager', 'member'],
  },
  {
    name: 'read someone else’s report',
    action: 'read',
    subject: 'ToneReport',
    record: toneReport('someone'),
    allowed: HQ,
  },
  {
    name: 'accept or decline a report',
    action: 'update',
    subject: 'ToneReport',
    record: (role) => toneReport(`user-${role}`),
    allowed: HQ,
  },
]

const signal = (regionId: string, authorId: string | null) => ({ id: 's1', regionId, authorId })
const SIGNAL_CASES: Case[] = [
  {
    name: 'log a customer signal in own region',
    action: 'create',
    subject: 'CustomerSignal',
    record: (role: Role) => signal(OWN, `user-${role}`),
    allowed: ['admin', 'manager', 'member', 'frontline'],
  },
  {
    name: 'log a customer signal in another region',
    action: 'create',
    subject: 'CustomerSignal',
    record: (role: Role) => signal(OTHER, `user-${role}`),
    allowed: ['admin'],
  },
  {
    name: 'log a customer signal in someone else’s name',
    action: 'create',
    subject: 'CustomerSignal',
    record: signal(OWN, 'someone'),
    allowed: ['admin', 'manager'],
  },
  {
    name: 'read own customer signals',
    action: 'read',
    subject: 'CustomerSignal',
    record: (role: Role) => signal(OWN, `user-${role}`),
    allowed: ROLES,
  },
  {
    name: 'read a colleague’s customer signal in own region',
    action: 'read',
    subject: 'CustomerSignal',
    record: signal(OWN, 'someone'),
    allowed: ['admin', 'hq_editor', 'manager'],
  },
  {
    name: 'read another region’s customer signals',
    action: 'read',
    subject: 'CustomerSignal',
    record: signal(OTHER, 'someone'),
    allowed: ['admin', 'hq_editor'],
  },
  {
    name: 'manage own region’s signals (threshold, import, use as input)',
    action: 'update',
    subject: 'CustomerSignal',
    record: signal(OWN, 'someone'),
    allowed: ['admin', 'manager'],
  },
  {
    name: 'manage another region’s signals',
    action: 'update',
    subject: 'CustomerSignal',
    record: signal(OTHER, 'someone'),
    allowed: ['admin'],
  },
  {
    name: 'delete a customer signal',
    action: 'delete',
    subject: 'CustomerSignal',
    record: signal(OWN, 'someone'),
    allowed: ['admin'],
  },
]

const shared = (regionId: string, sharedAt: Date | null = new Date()) => ({
  id: 'g9',
  regionId,
  status: 'published',
  publishedVersion: 1,
  sharedAt,
})
const EXAMPLE_CASES: Case[] = [
  {
    name: 'share a published guideline of own region as an example',
    action: 'share',
    subject: 'Guideline',
    record: shared(OWN, null),
    allowed: ['admin', 'manager'],
  },
  {
    name: 'share another region’s guideline',
    action: 'share',
    subject: 'Guideline',
    record: shared(OTHER, null),
    allowed: ['admin'],
  },
  {
    name: 'share a guideline never published',
    action: 'share',
    subject: 'Guideline',
    record: { ...shared(OWN, null), publishedVersion: 0, status: 'draft' },
    allowed: ['admin'],
  },
  {
    name: 'read another region’s shared example',
    action: 'readExample',
    subject: 'Guideline',
    record: shared(OTHER),
    allowed: ['admin', 'hq_editor', 'manager', 'member'],
  },
  {
    name: 'read another region’s guideline that is not shared',
    action: 'readExample',
    subject: 'Guideline',
    record: shared(OTHER, null),
    allowed: ['admin'],
  },
  {
    name: 'read another region’s shared example as a guideline (its page)',
    action: 'read',
    subject: 'Guideline',
    record: shared(OTHER),
    allowed: ['admin', 'hq_editor'],
  },
  {
    name: 'propose a guideline of own region to HQ',
    action: 'create',
    subject: 'Proposal',
    record: { regionId: OWN },
    allowed: ['admin', 'manager'],
  },
  {
    name: 'propose another region’s guideline',
    action: 'create',
    subject: 'Proposal',
    record: { regionId: OTHER },
    allowed: ['admin'],
  },
  {
    name: 'read own region’s proposals and HQ’s answers',
    action: 'read',
    subject: 'Proposal',
    record: { regionId: OWN },
    allowed: ['admin', 'hq_editor', 'manager', 'member'],
  },
  {
    name: 'read another region’s proposals',
    action: 'read',
    subject: 'Proposal',
    record: { regionId: OTHER },
    allowed: ['admin', 'hq_editor'],
  },
  {
    name: 'accept or decline a proposal',
    action: 'update',
    subject: 'Proposal',
    record: { regionId: OWN },
    allowed: ['admin', 'hq_editor'],
  },
]

const CASES: Case[] = [
  ...GUIDELINE_CASES,
  ...SIGNAL_CASES,
  ...EXAMPLE_CASES,
  ...FEEDBACK_CASES,
  ...PHRASE_FAMILY_CASES,
  ...TONE_REPORT_CASES,
  {
    name: 'read a published principle',
    action: 'read',
    subject: 'Principle',
    record: principle('published', 1),
    allowed: ALL,
  },
  { name: 'read a new draft principle', action: 'read', subject: 'Principle', record: principle('draft'), allowed: HQ },
  {
    name: 'read a published principle under revision',
    action: 'read',
    subject: 'Principle',
    record: principle('draft', 1),
    allowed: ALL,
  },
  {
    name: 'read the working copy of a draft',
    action: 'readDraft',
    subject: 'Principle',
    record: principle('draft', 1),
    allowed: HQ,
  },
  {
    name: 'read a principle in consultation',
    action: 'readDraft',
    subject: 'Principle',
    record: principle('consultation', 0, future),
    allowed: ALL,
  },
  {
    name: 'read an archived principle',
    action: 'read',
    subject: 'Principle',
    record: principle('archived', 2),
    allowed: HQ,
  },
  {
    name: 'comment in an open consultation',
    action: 'comment',
    subject: 'Principle',
    record: principle('consultation', 0, future),
    allowed: ['admin', 'hq_editor', 'manager', 'member'],
  },
  {
    name: 'comment after the consultation ended',
    action: 'comment',
    subject: 'Principle',
    record: principle('consultation', 0, past),
    allowed: [],
  },
  { name: 'comment on a draft', action: 'comment', subject: 'Principle', record: principle('draft', 1), allowed: [] },
  {
    name: 'comment on a published principle',
    action: 'comment',
    subject: 'Principle',
    record: principle('published', 1),
    allowed: [],
  },
  { name: 'create a principle', action: 'create', subject: 'Principle', record: principle('draft'), allowed: HQ },
  { name: 'edit a principle', action: 'update', subject: 'Principle', record: principle('published', 1), allowed: HQ },
  {
    name: 'publish a principle',
    action: 'publish',
    subject: 'Principle',
    record: principle('consultation', 0, future),
    allowed: HQ,
  },
  {
    name: 'archive a principle',
    action: 'archive',
    subject: 'Principle',
    record: principle('published', 1),
    allowed: HQ,
  },
  {
    name: 'read a published version',
    action: 'read',
    subject: 'PrincipleVersion',
    record: ofPrinciple('published'),
    allowed: ALL,
  },
  {
    name: 'read a version of an archived principle',
    action: 'read',
    subject: 'PrincipleVersion',
    record: ofPrinciple('archived'),
    allowed: HQ,
  },
  {
    name: 'alter a published version',
    action: 'update',
    subject: 'PrincipleVersion',
    record: ofPrinciple('published'),
    allowed: [],
  },
  {
    name: 'delete a published version',
    action: 'delete',
    subject: 'PrincipleVersion',
    record: ofPrinciple('published'),
    allowed: [],
  },
  {
    name: 'read consultation comments',
    action: 'read',
    subject: 'PrincipleComment',
    record: ofPrinciple('consultation'),
    allowed: ALL,
  },
  {
    name: 'comment for own region',
    action: 'create',
    subject: 'PrincipleComment',
    record: { regionId: OWN },
    allowed: ['admin', 'manager', 'member'],
  },
  {
    name: 'comment for another region',
    action: 'create',
    subject: 'PrincipleComment',
    record: { regionId: OTHER },
    allowed: ['admin'],
  },
  {
    name: 'comment for headquarters',
    action: 'create',
    subject: 'PrincipleComment',
    record: { regionId: null },
    allowed: HQ,
  },
  {
    name: 'resolve a comment',
    action: 'update',
    subject: 'PrincipleComment',
    record: ofPrinciple('consultation'),
    allowed: HQ,
  },
  {
    name: 'read comment audit events',
    action: 'read',
    subject: 'AuditEvent',
    record: { regionId: OWN, subjectType: 'PrincipleComment' },
    allowed: ['admin', 'hq_editor', 'manager'],
  },

  {
    name: 'read own region',
    action: 'read',
    subject: 'Region',
    record: { id: OWN },
    allowed: ['admin', 'hq_editor', 'manager', 'member', 'frontline'],
  },
  {
    name: 'read other region',
    action: 'read',
    subject: 'Region',
    record: { id: OTHER },
    allowed: ['admin', 'hq_editor'],
  },
  { name: 'create a region', action: 'create', subject: 'Region', record: { id: 'new' }, allowed: ['admin'] },
  { name: 'rename own region', action: 'update', subject: 'Region', record: { id: OWN }, allowed: ['admin'] },
  { name: 'remove own region', action: 'delete', subject: 'Region', record: { id: OWN }, allowed: ['admin'] },

  {
    name: 'read own region team',
    action: 'read',
    subject: 'Membership',
    record: membership(OWN, 'member'),
    allowed: ['admin', 'hq_editor', 'manager'],
  },
  {
    name: 'read other region team',
    action: 'read',
    subject: 'Membership',
    record: membership(OTHER, 'member'),
    allowed: HQ,
  },
  {
    name: 'add frontline to own region',
    action: 'create',
    subject: 'Membership',
    record: membership(OWN, 'frontline'),
    allowed: ['admin', 'manager'],
  },
  {
    name: 'add member to own region',
    action: 'create',
    subject: 'Membership',
    record: membership(OWN, 'member'),
    allowed: ['admin', 'manager'],
  },
  {
    name: 'add manager to own region',
    action: 'create',
    subject: 'Membership',
    record: membership(OWN, 'manager'),
    allowed: ['admin'],
  },
  {
    name: 'add frontline to other region',
    action: 'create',
    subject: 'Membership',
    record: membership(OTHER, 'frontline'),
    allowed: ['admin'],
  },
  {
    name: 'change a member in own region',
    action: 'update',
    subject: 'Membership',
    record: membership(OWN, 'member'),
    allowed: ['admin', 'manager'],
  },
  {
    name: 'change a manager in own region',
    action: 'update',
    subject: 'Membership',
    record: membership(OWN, 'manager'),
    allowed: ['admin'],
  },
  {
    name: 'change a member in other region',
    action: 'update',
    subject: 'Membership',
    record: membership(OTHER, 'member'),
    allowed: ['admin'],
  },
  {
    name: 'remove frontline from own region',
    action: 'delete',
    subject: 'Membership',
    record: membership(OWN, 'frontline'),
    allowed: ['admin', 'manager'],
  },
  {
    name: 'remove manager from own region',
    action: 'delete',
    subject: 'Membership',
    record: membership(OWN, 'manager'),
    allowed: ['admin'],
  },
  {
    name: 'remove frontline from other region',
    action: 'delete',
    subject: 'Membership',
    record: membership(OTHER, 'frontline'),
    allowed: ['admin'],
  },

  { name: 'create a user', action: 'create', subject: 'User', record: { id: 'new' }, allowed: ['admin'] },
  {
    name: 'set org role / deactivate a user',
    action: 'update',
    subject: 'User',
    record: { id: 'someone', memberships: [{ regionId: OWN }] },
    allowed: ['admin'],
  },
  {
    name: 'read a user of own region',
    action: 'read',
    subject: 'User',
    record: { id: 'someone', memberships: [{ regionId: OWN }] },
    allowed: ['admin', 'manager'],
  },
  {
    name: 'read a user of other region',
    action: 'read',
    subject: 'User',
    record: { id: 'someone', memberships: [{ regionId: OTHER }] },
    allowed: ['admin'],
  },

  {
    name: 'read own region audit events',
    action: 'read',
    subject: 'AuditEvent',
    record: { regionId: OWN, subjectType: 'Membership' },
    allowed: ['admin', 'manager'],
  },
  {
    name: 'read other region audit events',
    action: 'read',
    subject: 'AuditEvent',
    record: { regionId: OTHER, subjectType: 'Membership' },
    allowed: ['admin'],
  },
  {
    name: 'read principle audit events',
    action: 'read',
    subject: 'AuditEvent',
    record: { regionId: null, subjectType: 'Principle' },
    allowed: ['admin', 'hq_editor'],
  },
  {
    name: 'read user audit events',
    action: 'read',
    subject: 'AuditEvent',
    record: { regionId: null, subjectType: 'User' },
    allowed: ['admin'],
  },
  {
    name: 'alter an audit event',
    action: 'update',
    subject: 'AuditEvent',
    record: { regionId: OWN, subjectType: 'Region' },
    allowed: [],
  },
  {
    name: 'delete an audit event',
    action: 'delete',
    subject: 'AuditEvent',
    record: { regionId: OWN, subjectType: 'Region' },
    allowed: [],
  },
]

describe('permission matrix', () => {
  for (const c of CASES) {
    describe(c.name, () => {
      for (const role of ROLES) {
        const expected = c.allowed.includes(role)
        it(`${role}: ${expected ? 'allowed' : 'refused'}`, () => {
          const ability = defineAbilityFor(userWith(role))
          const record = typeof c.record === 'function' ? c.record(role) : c.record
          expect(can(ability, c.action, c.subject, record)).toBe(expected)
        })
      }
    })
  }

  it('everyone reads their own account and nobody else’s unless the matrix says so', () => {
    for (const role of ['member', 'frontline', 'none', 'hq_editor'] as const) {
      const ability = defineAbilityFor(userWith(role))
      expect(can(ability, 'read', 'User', { id: `user-${role}`, memberships: [] })).toBe(true)
      expect(can(ability, 'read', 'User', { id: 'someone', memberships: [{ regionId: OWN }] })).toBe(false)
    }
  })

  it('a deactivated user can do nothing, not even as admin', () => {
    const ability = defineAbilityFor(userWith('admin', { deactivatedAt: new Date() }))
    expect(ability.rules).toHaveLength(0)
    expect(can(ability, 'read', 'Region', { id: OWN })).toBe(false)
  })

  it('a manager of two regions manages both and no third', () => {
    const ability = defineAbilityFor(
      userWith('none', {
        memberships: [
          { regionId: OWN, role: 'manager' },
          { regionId: OTHER, role: 'manager' },
        ],
      }),
    )
    expect(can(ability, 'create', 'Membership', membership(OWN, 'member'))).toBe(true)
    expect(can(ability, 'create', 'Membership', membership(OTHER, 'member'))).toBe(true)
    expect(can(ability, 'create', 'Membership', membership('region-c', 'member'))).toBe(false)
  })
})
