import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { Button, Field, FormErrors, PageTitle } from '~/components/ui/form.tsx'
import { changeOwnPassword } from '~/models/auth.server.ts'
import { requireAbility } from '~/permissions/require-ability.server.ts'
import { redirectWithFlash } from '~/utils/flash.server.ts'
import { invalidSubmission } from '~/utils/forms.server.ts'
import { PasswordChangeSchema } from '~/validation/schemas.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireAbility(request)
  return { mustChange: user.mustChangePassword }
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireAbility(request)
  const submission = parseWithZod(await request.formData(), { schema: PasswordChangeSchema })
  if (submission.status !== 'success') return invalidSubmission(submission)
  const changed = await changeOwnPassword(user, submission.value.currentPassword, submission.value.newPassword)
  if (!changed) {
    return data(
      { result: submission.reply({ fieldErrors: { currentPassword: ['password.wrongCurrent'] }, resetForm: true }) },
      { status: 400 },
    )
  }
  return redirectWithFlash(request, '/', { kind: 'success', key: 'password.changed' })
}

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
          inputProps={{ ...getInputProps(fields.currentPassword, { type: 'password' }), autoComplete: 'current-password' }}
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
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
