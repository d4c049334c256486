import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { Button, Field, FormErrors, PageTitle } from '~/components/ui/form.tsx'
import { changeOwnPassword } from '~/models/auth.server.ts'
import { Invalid, TooManyAttempts } from '~/utils/errors.ts'
import { PasswordChangeSchema } from '~/validation/schemas.ts'
import { dispatch } from '~/web/action.server.ts'
import { signedIn } from '~/web/route.server.ts'

const PASSWORD_FIELDS = ['currentPassword', 'newPassword', 'confirmPassword']

export const loader = signedIn(({ user }) => ({ mustChange: user.mustChangePassword }))

export const action = signedIn(({ request, user }) =>
  dispatch(
    request,
    PasswordChangeSchema,
    async ({ currentPassword, newPassword }) => {
      const outcome = await changeOwnPassword(user, currentPassword, newPassword)
      if (outcome === 'wrong') throw new Invalid('password.wrongCurrent', 'currentPassword')
      if (outcome !== 'changed') throw new TooManyAttempts('password.throttled', 'currentPassword', outcome.throttled)
      return { flash: 'password.changed', to: '/' }
    },
    { hideFields: PASSWORD_FIELDS },
  ),
)

export default function PasswordPage() {
  const { t } = useTranslation()
  const { mustChange } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'password',
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PasswordChangeSchema }),
    shouldRevalidate: 'onBlur',
  })
  return (
    <div className="max-w-md">
      <PageTitle>{t('password.title')}</PageTitle>
      {mustChange ? <p className="mb-4 rounded bg-brand-50 p-3">{t('password.mustChange')}</p> : null}
      <Form method="post" {...getFormProps(form)} className="rounded border border-stone-300 bg-white p-5">
        <FormErrors errors={form.errors} />
        <Field
          label={t('password.current')}
          errors={fields.currentPassword.errors}
          inputProps={{
            ...getInputProps(fields.currentPassword, { type: 'password' }),
            autoComplete: 'current-password',
          }}
        />
        <Field
          label={t('password.new')}
          hint={t('password.newHint')}
          errors={fields.newPassword.errors}
          inputProps={{ ...getInputProps(fields.newPassword, { type: 'password' }), autoComplete: 'new-password' }}
        />
        <Field
          label={t('password.confirm')}
          errors={fields.confirmPassword.errors}
          inputProps={{ ...getInputProps(fields.confirmPassword, { type: 'password' }), autoComplete: 'new-password' }}
        />
        <Button type="submit">{t('password.submit')}</Button>
      </Form>
      <section aria-labelledby="account-more" className="mt-8">
        <h2 id="account-more" className="mb-2 text-lg font-semibold">
          {t('account.more')}
        </h2>
        <ul className="space-y-2">
          <li>
            <Link to="/account/notifications" className="text-brand-800 underline">
              {t('notifications.settings.title')}
            </Link>
          </li>
          <li>
            <a href="/account/data" download className="text-brand-800 underline">
              {t('account.download')}
            </a>
            <span className="block text-sm text-stone-700">{t('account.downloadHint')}</span>
          </li>
        </ul>
      </section>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
