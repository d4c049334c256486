import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { Button, Field, FormErrors, PageTitle, ScrollRegion, SelectField } from '~/components/ui/form.tsx'
import { createUser, requireUserDirectory } from '~/models/user.server.ts'
import { CreateUserSchema, ORG_ROLES } from '~/validation/schemas.ts'
import { dispatch } from '~/web/action.server.ts'
import { signedIn } from '~/web/route.server.ts'

export const loader = signedIn(async ({ ability }) => ({ users: await requireUserDirectory(ability) }))

export const action = signedIn(({ request, user, ability }) =>
  dispatch(request, CreateUserSchema, async (value, submission) => {
    const created = await createUser(ability, user.id, value)
    // Shown once, in this response only: never stored in plain text, never in a cookie.
    return {
      result: submission.reply({ resetForm: true }),
      created: { id: created.user.id, email: created.user.email, temporaryPassword: created.temporaryPassword },
    }
  }),
)

export default function UsersPage() {
  const { t } = useTranslation()
  const { users } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'create-user',
    lastResult: actionData?.result,
    defaultValue: { orgRole: 'none' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateUserSchema }),
    shouldRevalidate: 'onBlur',
  })
  const created = actionData && 'created' in actionData ? actionData.created : null
  return (
    <>
      <PageTitle>{t('users.title')}</PageTitle>
      <p className="mb-4 flex flex-wrap gap-4">
        <Link to="/users/import" className="font-medium text-brand-800 underline">
          {t('users.importLink')}
        </Link>
        <Link to="/sso" className="font-medium text-brand-800 underline">
          {t('users.ssoLink')}
        </Link>
      </p>
      {created ? (
        <p role="status" className="mb-4 rounded border-l-4 border-green-700 bg-green-50 px-4 py-3">
          {created.email}: {t('users.created', { password: '' })}
          <code className="ml-1 rounded bg-white px-2 py-1 font-mono text-lg">{created.temporaryPassword}</code>
        </p>
      ) : null}
      <ScrollRegion label={t('users.title')} className="mb-8">
        <table className="w-full text-left text-sm">
          <thead className="bg-stone-100">
            <tr>
              <th scope="col" className="px-3 py-2">
                {t('users.name')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('users.orgRole')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('users.regions')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('users.status')}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-200">
            {users.map((u) => (
              <tr key={u.id}>
                <td className="px-3 py-2">
                  <Link to={u.id} className="font-medium text-brand-800 underline">
                    {u.name}
                  </Link>
                  <div className="text-stone-700">{u.email}</div>
                </td>
                <td className="px-3 py-2">{u.orgRole ? t(`roles.${u.orgRole}`) : '—'}</td>
                <td className="px-3 py-2">
                  {u.memberships.map((m) => `${m.region.name} (${t(`roles.${m.role}`)})`).join(', ') || '—'}
                </td>
                <td className="px-3 py-2">{u.deactivatedAt ? t('users.inactive') : t('users.active')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <section aria-labelledby="create-user-title" className="max-w-md">
        <h2 id="create-user-title" className="mb-2 text-lg font-semibold">
          {t('users.create')}
        </h2>
        <Form method="post" {...getFormProps(form)} className="rounded border border-stone-300 bg-white p-5">
          <FormErrors errors={form.errors} />
          <Field
            label={t('users.name')}
            errors={fields.name.errors}
            inputProps={getInputProps(fields.name, { type: 'text' })}
          />
          <Field
            label={t('users.email')}
            errors={fields.email.errors}
            inputProps={getInputProps(fields.email, { type: 'email' })}
          />
          <SelectField
            label={t('users.orgRole')}
            errors={fields.orgRole.errors}
            selectProps={getSelectProps(fields.orgRole)}
          >
            {(['none', ...ORG_ROLES] as const).map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </SelectField>
          <Button type="submit">{t('users.create')}</Button>
        </Form>
      </section>
    </>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
