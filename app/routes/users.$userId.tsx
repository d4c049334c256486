import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { Button, FormErrors, PageTitle } from '~/components/ui/form.tsx'
import { DomainError } from '~/models/errors.server.ts'
import { requireUserRecord, resetPassword, setOrgRole, setUserActive } from '~/models/user.server.ts'
import { authorize } from '~/permissions/authorize.server.ts'
import { requireAbility } from '~/permissions/require-ability.server.ts'
import { redirectWithFlash } from '~/utils/flash.server.ts'
import { getIntent } from '~/utils/forms.server.ts'
import { ORG_ROLES, OrgRoleSchema } from '~/validation/schemas.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ability } = await requireAbility(request)
  const user = await requireUserRecord(ability, params.userId ?? '')
  authorize(ability, 'update', 'User', user) // this page is for managing accounts
  return { user }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user: actor, ability } = await requireAbility(request)
  const target = await requireUserRecord(ability, params.userId ?? '')
  authorize(ability, 'update', 'User', target)
  const formData = await request.formData()
  const here = `/users/${target.id}`
  try {
    switch (getIntent(formData)) {
      case 'org-role': {
        const submission = parseWithZod(formData, { schema: OrgRoleSchema })
        if (submission.status !== 'success') return data({ error: 'errors.required' }, { status: 400 })
        const { orgRole } = submission.value
        await setOrgRole(ability, actor.id, target.id, orgRole === 'none' ? null : orgRole)
        return redirectWithFlash(request, here, { kind: 'success', key: 'users.saved' })
      }
      case 'deactivate':
        await setUserActive(ability, actor.id, target.id, false)
        return redirectWithFlash(request, here, { kind: 'success', key: 'users.deactivated' })
      case 'reactivate':
        await setUserActive(ability, actor.id, target.id, true)
        return redirectWithFlash(request, here, { kind: 'success', key: 'users.reactivated' })
      case 'reset-password':
        return { temporaryPassword: await resetPassword(ability, actor.id, target.id) }
      default:
        throw data({ message: 'unknown intent' }, { status: 400 })
    }
  } catch (error) {
    if (error instanceof DomainError) return data({ error: error.key }, { status: error.status })
    throw error
  }
}

export default function UserPage() {
  const { t } = useTranslation()
  const { user } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <>
      <PageTitle>{user.name}</PageTitle>
      <p className="mb-4 text-stone-700">
        {user.email} · {user.deactivatedAt ? t('users.inactive') : t('users.active')}
      </p>
      {actionData && 'error' in actionData ? <FormErrors errors={[actionData.error]} /> : null}
      {actionData && 'temporaryPassword' in actionData ? (
        <p role="status" className="mb-4 rounded border-l-4 border-green-700 bg-green-50 px-4 py-3">
          {t('users.passwordReset', { password: '' })}
          <code className="ml-1 rounded bg-white px-2 py-1 font-mono text-lg">{actionData.temporaryPassword}</code>
        </p>
      ) : null}

      <section aria-labelledby="org-role-title" className="mb-6 max-w-md rounded border border-stone-300 bg-white p-5">
        <h2 id="org-role-title" className="mb-2 text-lg font-semibold">{t('users.orgRole')}</h2>
        <Form method="post" className="flex flex-wrap items-end gap-2">
          <label htmlFor="orgRole" className="sr-only">{t('users.orgRole')}</label>
          <select id="orgRole" name="orgRole" defaultValue={user.orgRole ?? 'none'} className="rounded border border-stone-400 bg-white px-3 py-2">
            {(['none', ...ORG_ROLES] as const).map((role) => (
              <option key={role} value={role}>{t(`roles.${role}`)}</option>
            ))}
          </select>
          <Button type="submit" name="intent" value="org-role">{t('users.save')}</Button>
        </Form>
      </section>

      <section aria-labelledby="memberships-title" className="mb-6 max-w-md">
        <h2 id="memberships-title" className="mb-2 text-lg font-semibold">{t('users.memberships')}</h2>
        {user.memberships.length ? (
          <ul className="mb-2 list-disc pl-6">
            {user.memberships.map((m) => (
              <li key={m.id}>
                <Link to={`/regions/${m.region.id}`} className="text-brand-800 underline">{m.region.name}</Link> — {t(`roles.${m.role}`)}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mb-2">{t('users.noMemberships')}</p>
        )}
        <p className="text-sm text-stone-700">{t('users.manageInRegion')}</p>
      </section>

      <section className="flex flex-wrap gap-2">
        <Form method="post">
          <Button type="submit" name="intent" value="reset-password" variant="secondary">{t('users.resetPassword')}</Button>
        </Form>
        <Form method="post">
          {user.deactivatedAt ? (
            <Button type="submit" name="intent" value="reactivate" variant="secondary">{t('users.reactivate')}</Button>
          ) : (
            <Button type="submit" name="intent" value="deactivate" variant="danger">{t('users.deactivate')}</Button>
          )}
        </Form>
      </section>
    </>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
