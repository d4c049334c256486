// Zod schemas shared by forms (Conform, in the browser) and actions (on the server).
// Messages are i18n keys, translated where they are shown.
import './zod-config.ts'
import { z } from 'zod'
import { parsePatterns } from '~/tone/checker.ts'

export const REGION_ROLES = ['manager', 'member', 'frontline'] as const
export const ORG_ROLES = ['admin', 'hq_editor'] as const
export const MIN_PASSWORD_LENGTH = 10

/** The largest whole number PostgreSQL's `integer` holds: revisions and version numbers are integers. */
const MAX_INTEGER = 2_147_483_647

/** A whole number as a form sends it: digits only (no "1e3", "0x10" or " "), 1 … 2 147 483 647. */
const wholeNumber = (min = 1) =>
  z
    .string({ error: 'errors.required' })
    .trim()
    .regex(/^\d{1,10}$/, 'errors.number')
    .transform(Number)
    .pipe(z.number().int().min(min, 'errors.numberRange').max(MAX_INTEGER, 'errors.numberRange'))

/** Whether "2026-02-30" is a day on the calendar (it is not: no 30 February). */
function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/** A calendar day as <input type="date"> sends it ("2026-12-01"), between 2000 and 2100. Never shifted. */
export const isoDate = z
  .string({ error: 'errors.required' })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'errors.date')
  .refine(isCalendarDate, 'errors.dateImpossible')
  .refine((value) => value >= '2000-01-01' && value <= '2100-12-31', 'errors.dateRange')

const email = z
  .string({ error: 'errors.required' })
  .trim()
  .toLowerCase()
  .max(254, 'errors.tooLong')
  .pipe(z.email({ error: 'errors.email' }))

const newPassword = z
  .string({ error: 'errors.required' })
  .min(MIN_PASSWORD_LENGTH, 'errors.passwordTooShort')
  .max(200, 'errors.tooLong')

/** Who signs in: an e-mail address, or an employee number for staff without company e-mail. */
export const LoginSchema = z.object({
  email: z.string({ error: 'errors.required' }).trim().min(1, 'errors.required').max(254, 'errors.tooLong'),
  password: z.string({ error: 'errors.required' }).max(200, 'errors.tooLong'),
  redirectTo: z.string().optional(),
})

export const PasswordChangeSchema = z
  .object({
    currentPassword: z.string({ error: 'errors.required' }),
    newPassword,
    confirmPassword: z.string({ error: 'errors.required' }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: 'errors.passwordMismatch' })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ['newPassword'], message: 'errors.passwordUnchanged' })

export const RegionSchema = z.object({
  name: z.string({ error: 'errors.required' }).trim().min(2, 'errors.tooShort').max(80, 'errors.tooLong'),
  description: z.string().trim().max(500, 'errors.tooLong').optional(),
})

/** An organisation role as the form offers it: `none` is "no organisation role" (null). */
const orgRoleField = z.enum([...ORG_ROLES, 'none'])
const noRoleAsNull = (role: (typeof ORG_ROLES)[number] | 'none') => (role === 'none' ? null : role)

export const CreateUserSchema = z.object({
  name: z.string({ error: 'errors.required' }).trim().min(2, 'errors.tooShort').max(120, 'errors.tooLong'),
  email,
  orgRole: orgRoleField.default('none').transform(noRoleAsNull),
})

export const OrgRoleSchema = z.object({ orgRole: orgRoleField.transform(noRoleAsNull) })

export const AddMembershipSchema = z.object({
  email,
  role: z.enum(REGION_ROLES, { error: 'errors.required' }),
})

export const ChangeMembershipSchema = z.object({
  membershipId: z.string().min(1),
  role: z.enum(REGION_ROLES),
})

export const MembershipIdSchema = z.object({ membershipId: z.string().min(1) })

// Principles. The body is the editor's JSON as a string; the server checks it against the
// editor's schema (app/editor/document.ts) — kept out of here so forms elsewhere ship no editor code.
const title = z.string({ error: 'errors.required' }).trim().min(3, 'errors.tooShort').max(160, 'errors.tooLong')
const revision = wholeNumber()

export const DocumentDraftSchema = z.object({
  title,
  body: z.string({ error: 'editor.errors.empty' }),
  revision: revision.optional(),
})

export const ConsultationSchema = z.object({
  endsAt: isoDate,
})

export const PublishSchema = z.object({
  changeNote: z.string({ error: 'errors.required' }).trim().min(3, 'errors.tooShort').max(1000, 'errors.tooLong'),
  revision,
})

/** Publishing a principle: with consultation comments still open, only when HQ ticks that it means to. */
export const PrinciplePublishSchema = PublishSchema.extend({
  withOpenComments: z
    .enum(['on'])
    .optional()
    .transform((value) => value === 'on'),
})

/** Moving a principle in HQ's order; `position` is where the mover saw it (a changed order is a 409). */
export const MoveSchema = z.object({
  principleId: z.string().min(1),
  direction: z.enum(['up', 'down']),
  position: wholeNumber(),
})

export const CommentSchema = z.object({
  body: z.string({ error: 'errors.required' }).trim().min(2, 'errors.tooShort').max(4000, 'errors.tooLong'),
  regionId: z.string().optional(),
  parentId: z.string().optional(),
})

export const CommentIdSchema = z.object({ commentId: z.string().min(1) })

// Frontline feedback on a guideline and the manager's answer.
export const FEEDBACK_MIN = 5
export const FEEDBACK_MAX = 2000
export const FEEDBACK_ANSWER_MAX = 2000

/** A question to the region's manager from the handbook (one field). */
export const QuestionSchema = z.object({
  question: z
    .string({ error: 'errors.required' })
    .trim()
    .min(FEEDBACK_MIN, 'errors.tooShort')
    .max(FEEDBACK_MAX, 'errors.tooLong'),
})

export const FeedbackSchema = z.object({
  body: z
    .string({ error: 'errors.required' })
    .trim()
    .min(FEEDBACK_MIN, 'errors.tooShort')
    .max(FEEDBACK_MAX, 'errors.tooLong'),
})

export const FeedbackAnswerSchema = z.object({
  feedbackId: z.string().min(1),
  answer: z
    .string({ error: 'errors.required' })
    .trim()
    .min(2, 'errors.tooShort')
    .max(FEEDBACK_ANSWER_MAX, 'errors.tooLong'),
})

export const AcknowledgeSchema = z.object({ version: wholeNumber() })

// Guidelines.

export const GuidelinePublishSchema = z.object({
  changeNote: z.string({ error: 'errors.required' }).trim().min(3, 'errors.tooShort').max(1000, 'errors.tooLong'),
  reviewBy: isoDate,
  revision,
  /** A material change asks every reader to confirm again (by `confirmBy`); a minor correction does not. */
  change: z.enum(['material', 'minor']).default('material'),
  confirmBy: isoDate.optional(),
})

export const SendBackSchema = z.object({
  comment: z.string({ error: 'errors.required' }).trim().min(3, 'errors.tooShort').max(4000, 'errors.tooLong'),
})

export const ConfirmStillValidSchema = z.object({
  note: z.string({ error: 'errors.required' }).trim().min(3, 'errors.tooShort').max(1000, 'errors.tooLong'),
})

export const CUSTOMER_INPUT_SOURCES = ['conversation', 'complaint', 'survey', 'panel'] as const

export const CustomerInputSchema = z.object({
  said: z.string({ error: 'errors.required' }).trim().min(3, 'errors.tooShort').max(2000, 'errors.tooLong'),
  source: z.enum(CUSTOMER_INPUT_SOURCES, { error: 'errors.required' }),
  heardOn: isoDate,
})

export const DecisionSchema = z.object({
  principleId: z.string().min(1),
  kind: z.enum(['applies_as_written', 'not_applicable']),
  reason: z.string().trim().max(1000, 'errors.tooLong').optional(),
  /** When the decision the manager saw was made (empty: they saw none); another one since is a 409. */
  seen: z.string().max(40).optional(),
})

/** A pattern field of a phrase family: every line must parse (errors carry the line number). */
const patternField = (required: boolean) =>
  z
    .string()
    .max(5_000, 'errors.tooLong')
    .optional()
    .transform((value) => (value ?? '').trim())
    .superRefine((value, context) => {
      if (required && !value) context.addIssue({ code: 'custom', message: 'errors.required' })
      for (const error of parsePatterns(value).errors) {
        const values = new URLSearchParams({ line: String(error.line), ...(error.word ? { word: error.word } : {}) })
        context.addIssue({ code: 'custom', message: `${error.key}?${values}` })
      }
    })

export const PhraseFamilySchema = z.object({
  name: z.string({ error: 'errors.required' }).trim().min(3, 'errors.tooShort').max(120, 'errors.tooLong'),
  patterns: patternField(true),
  exceptions: patternField(false),
  explanation: z.string({ error: 'errors.required' }).trim().min(10, 'errors.tooShort').max(1_000, 'errors.tooLong'),
  suggestion: z.string({ error: 'errors.required' }).trim().min(10, 'errors.tooShort').max(1_000, 'errors.tooLong'),
  enabled: z.preprocess((value) => value === 'on' || value === 'true', z.boolean()),
  revision: wholeNumber(0).optional(),
})
export type PhraseFamilyInput = z.infer<typeof PhraseFamilySchema>

/** A synonym group of the handbook search: two to forty terms, one per line. */
export const SearchSynonymSchema = z.object({
  terms: z
    .string({ error: 'errors.required' })
    .max(2_000, 'errors.tooLong')
    .refine(
      (text) => text.split('\n').filter((line) => /[\p{L}\p{N}]/u.test(line)).length >= 2,
      'searchWords.errors.twoTerms',
    )
    .refine((text) => text.split('\n').length <= 40, 'searchWords.errors.tooMany'),
  enabled: z.preprocess((value) => value === 'on' || value === 'true', z.boolean()),
  revision: wholeNumber(0).optional(),
})
export type SearchSynonymInput = z.infer<typeof SearchSynonymSchema>

/** A writer's report on the tone check: one sentence the check got wrong or missed. */
export const ToneReportSchema = z.object({
  text: z.string({ error: 'errors.required' }).trim().min(3, 'errors.tooShort').max(1_000, 'errors.tooLong'),
  kind: z.enum(['wrongFlag', 'missed']),
  familyId: z.string().trim().max(60, 'errors.tooLong').optional(),
})

/** HQ's decision on a writer's report. */
export const ToneReviewSchema = z.object({
  id: z.string().min(1).max(60),
  decision: z.enum(['accepted', 'declined']),
})

export const SIGNAL_KINDS = ['complaint', 'compliment', 'question', 'suggestion'] as const
export const SIGNAL_CHANNELS = ['counter', 'phone', 'mail', 'chat', 'social'] as const
export const SIGNAL_MIN = 3
export const SIGNAL_MAX = 1000

/** A customer signal as the handbook's form sends it (the personal-data check is the domain's). */
export const SignalSchema = z.object({
  kind: z.enum(SIGNAL_KINDS, { error: 'signals.errors.kind' }),
  said: z
    .string({ error: 'errors.required' })
    .trim()
    .min(SIGNAL_MIN, 'errors.tooShort')
    .max(SIGNAL_MAX, 'errors.tooLong'),
  channel: z.enum(SIGNAL_CHANNELS, { error: 'signals.errors.channel' }),
  about: z
    .string()
    .max(80)
    .regex(/^(none|noRule|[gp]:[\w-]{1,60})$/, 'signals.errors.unknownRule')
    .transform((value) => value as 'none' | 'noRule' | `g:${string}` | `p:${string}`)
    .default('none'),
  score: z.enum(['1', '2', '3', '4', '5'], { error: 'signals.errors.score' }).transform(Number).optional(),
})

/** The manager's complaint threshold for review suggestions. */
export const ComplaintThresholdSchema = z.object({
  threshold: wholeNumber().pipe(z.number().max(1000, 'errors.numberRange')),
})

/** Signals chosen on the region's page, to quote in a draft. */
export const UseSignalsSchema = z.object({
  guideline: z.string({ error: 'signals.errors.chooseDraft' }).max(60),
  signals: z
    .array(z.string().max(60), { error: 'signals.errors.chooseSignals' })
    .min(1, 'signals.errors.chooseSignals')
    .max(100, 'errors.tooMany'),
})

export const PROPOSAL_KINDS = ['revision', 'new_principle'] as const
export const PROPOSAL_NOTE_MAX = 2000
/** A manager proposes a published guideline to HQ. */
export const ProposalSchema = z.object({
  kind: z.enum(PROPOSAL_KINDS, { error: 'proposals.errors.kind' }),
  note: z
    .string({ error: 'errors.required' })
    .trim()
    .min(3, 'errors.tooShort')
    .max(PROPOSAL_NOTE_MAX, 'errors.tooLong'),
})
export const ProposalIdSchema = z.object({ proposalId: z.string({ error: 'errors.required' }).min(1).max(60) })
/** HQ declines a proposal, saying why. */
export const DeclineProposalSchema = ProposalIdSchema.extend({
  reason: z
    .string({ error: 'errors.required' })
    .trim()
    .min(3, 'errors.tooShort')
    .max(PROPOSAL_NOTE_MAX, 'errors.tooLong'),
})
/** A manager or member starts a draft in one of their regions from another region's example. */
export const StartFromExampleSchema = z.object({
  exampleId: z.string({ error: 'errors.required' }).min(1).max(60),
  regionId: z.string({ error: 'errors.required' }).min(1, 'errors.required').max(60),
})

export const PANEL_QUESTION_MAX = 300
export const PANEL_ANSWER_MAX = 2000
/** The owner of a draft opens a round for a customer panel. */
export const OpenPanelSchema = z.object({
  question1: z
    .string({ error: 'errors.required' })
    .trim()
    .min(3, 'errors.tooShort')
    .max(PANEL_QUESTION_MAX, 'errors.tooLong'),
  question2: z.string().trim().max(PANEL_QUESTION_MAX, 'errors.tooLong').optional(),
  closesOn: isoDate,
})
/** How many invitation links to make at once. */
export const PanelLinksSchema = z.object({ count: wholeNumber().pipe(z.number().max(200, 'errors.numberRange')) })
export const PanelResponseSchema = z.object({ responseId: z.string({ error: 'errors.required' }).min(1).max(60) })
/** A customer's answers through an invitation link. */
export const PanelAnswerSchema = z.object({
  answer1: z
    .string({ error: 'errors.required' })
    .trim()
    .min(1, 'errors.required')
    .max(PANEL_ANSWER_MAX, 'errors.tooLong'),
  answer2: z.string().trim().max(PANEL_ANSWER_MAX, 'errors.tooLong').optional(),
})
