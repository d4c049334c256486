// Zod schemas shared by forms (Conform, in the browser) and actions (on the server).
// Messages are i18n keys, translated where they are shown.
import { z } from 'zod'

export const REGION_ROLES = ['manager', 'member', 'frontline'] as const
export const ORG_ROLES = ['admin', 'hq_editor'] as const
export const MIN_PASSWORD_LENGTH = 10

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

export const LoginSchema = z.object({
  email,
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

export const CreateUserSchema = z.object({
  name: z.string({ error: 'errors.required' }).trim().min(2, 'errors.tooShort').max(120, 'errors.tooLong'),
  email,
  orgRole: z.enum([...ORG_ROLES, 'none']).default('none'),
})

export const OrgRoleSchema = z.object({ orgRole: z.enum([...ORG_ROLES, 'none']) })

export const AddMembershipSchema = z.object({
  email,
  role: z.enum(REGION_ROLES, { error: 'errors.required' }),
})

export const ChangeMembershipSchema = z.object({
  membershipId: z.string().min(1),
  role: z.enum(REGION_ROLES),
})

export const MembershipIdSchema = z.object({ membershipId: z.string().min(1) })
