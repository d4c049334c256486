import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { Button, FormErrors, PageTitle } from '~/components/ui/form.tsx'
import { eraseUser, requireUserRecord, resetPassword, setOrgRole, setUserActive } from '~/models/user.server.ts'
import { ORG_ROLES, OrgRoleSchema } from '~/validation/schemas.ts'
import { dispatch, intent } from '~/web/action.server.ts'
import { signedIn } from '~/web/route.server.ts'

// This page is for managing accounts: it needs the right to change the user, not only to read them.
export const loader = signedIn(async ({ ability, params }) => ({
  user: await requireUserRecord(ability, params.userId ?? '', 'update'),
}))

const UserIntents = z.discriminatedUnion('intent', [
  intent('org-role', OrgRoleSchema),
  intent('deactivate'),
  intent('reactivate'),
  intent('reset-password'),
  intent('erase', z.object({ confirm: z.literal('yes', { error: 'users.erase.confirmRequired' }) })),
])

export const action = signedIn(async ({ request, user: actor, ability, params }) => {
  const target = await requireUserRecord(ability, params.userId ?? '', 'update')
  return dispatch(
    request,
    UserIntents,
    {
      'org-role': async ({ orgRole }) => {
        await setOrgRole(ability, actor.id, target.id, orgRole)
        return { flash: 'users.saved' }
      },
      deactivate: async () => {
        await setUserActive(ability, actor.id, target.id, false)
        return { flash: 'users.deactivated' }
      },
      reactivate: async () => {
        await setUserActive(ability, actor.id, target.id, true)
        return { flash: 'users.reactivated' }
      },
      'reset-password': async () => ({ temporaryPassword: await resetPassword(ability, actor.id, target.id) }),
      erase: async () => {
        await eraseUser(ability, actor.id, target.id)
        return { flash: 'users.erase.done', to: '/users' }
      },
    },
    { redirectTo: `/users/${target.id}` },
  )
})

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
      {actionData && 'result' in actionData ? <FormErrors errors={actionData.result.error?.[''] ?? undefined} /> : null}
      {actionData && 'temporaryPassword' in actionData ? (
        <p role="status" className="mb-4 rounded border-l-4 border-green-700 bg-green-50 px-4 py-3">
          {t('users.passwordReset', { password: '' })}
          <code className="ml-1 rounded bg-white px-2 py-1 font-mono text-lg">{actionData.temporaryPassword}</code>
        </p>
      ) : null}

      <section aria-labelledby="org-role-title" className="mb-6 max-w-md rounded border border-stone-300 bg-white p-5">
        <h2 id="org-role-title" className="mb-2 text-lg font-semibold">
          {t('users.orgRole')}
        </h2>
        <Form method="post" className="flex flex-wrap items-end gap-2">
          <label htmlFor="orgRole" className="sr-only">
            {t('users.orgRole')}
          </label>
          <select
            id="orgRole"
            name="orgRole"
            defaultValue={user.orgRole ?? 'none'}
            className="rounded border border-stone-400 bg-white px-3 py-2"
          >
            {(['none', ...ORG_ROLES] as const).map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
          <Button type="submit" name="intent" value="org-role">
            {t('users.save')}
          </Button>
        </Form>
      </section>

      <section aria-labelledby="memberships-title" className="mb-6 max-w-md">
        <h2 id="memberships-title" className="mb-2 text-lg font-semibold">
          {t('users.memberships')}
        </h2>
        {user.memberships.length ? (
          <ul className="mb-2 list-disc pl-6">
            {user.memberships.map((m) => (
              <li key={m.id}>
                <Link to={`/regions/${m.region.id}`} className="text-brand-800 underline">
                  {m.region.name}
                </Link>{' '}
                — {t(`roles.${m.role}`)}
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
          <Button type="submit" name="intent" value="reset-password" variant="secondary">
            {t('users.resetPassword')}
          </Button>
        </Form>
        <Form method="post">
          {user.deactivatedAt ? (
            <Button type="submit" name="intent" value="reactivate" variant="secondary">
              {t('users.reactivate')}
            </Button>
          ) : (
            <Button type="submit" name="intent" value="deactivate" variant="danger">
              {t('users.deactivate')}
            </Button>
          )}
        </Form>
      </section>

      {user.erasedAt ? null : (
        <section aria-labelledby="erase-title" className="mt-8 max-w-md rounded border border-red-800 bg-white p-5">
          <h2 id="erase-title" className="mb-2 text-lg font-semibold">
            {t('users.erase.title')}
          </h2>
          <p className="mb-3 text-sm text-stone-700">{t('users.erase.explain')}</p>
          <Form method="post">
            <label className="mb-3 flex min-h-11 items-start gap-2">
              <input type="checkbox" name="confirm" value="yes" required className="mt-1.5" />
              {t('users.erase.confirm', { name: user.name })}
            </label>
            <Button type="submit" name="intent" value="erase" variant="danger">
              {t('users.erase.submit')}
            </Button>
          </Form>
        </section>
      )}
    </>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
