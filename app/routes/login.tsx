import { useEffect } from 'react'
import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { Button, Field, FormErrors, PageTitle } from '~/components/ui/form.tsx'
import { verifySignIn } from '~/models/auth.server.ts'
import { safeRedirectPath } from '~/utils/redirect.ts'
import { LoginSchema } from '~/validation/schemas.ts'
import { dispatch } from '~/web/action.server.ts'
import { getSessionUser, PASSWORD_CHANGE_PATH, startSession } from '~/web/auth.server.ts'
import { ssoButton } from '~/web/oidc.server.ts'
import { openToAll } from '~/web/route.server.ts'

export const meta: MetaFunction = () => [{ title: 'Aanmelden — Leidraad' }]

export const loader = openToAll(async ({ request }) => {
  const user = await getSessionUser(request)
  const search = new URL(request.url).searchParams
  if (user) throw redirect(safeRedirectPath(search.get('redirectTo')))
  const ssoError = search.get('sso')
  return { sso: ssoButton(), ssoError: ssoError === 'failed' || ssoError === 'noaccess' ? ssoError : null }
})

export const action = openToAll(({ request, context }) =>
  dispatch(
    request,
    LoginSchema,
    async ({ email, password, redirectTo }, submission) => {
      const result = await verifySignIn(email, password, context.clientAddress ?? 'unknown')
      if (!result.ok) {
        const throttled = result.reason === 'throttled'
        return data(
          {
            result: submission.reply({
              formErrors: [throttled ? 'login.throttled' : 'login.invalid'],
              hideFields: ['password'],
            }),
            retryAfterMinutes: throttled ? Math.ceil(result.retryAfterSeconds / 60) : null,
          },
          { status: throttled ? 429 : 400 },
        )
      }
      return startSession(
        result.userId,
        result.mustChangePassword ? PASSWORD_CHANGE_PATH : safeRedirectPath(redirectTo),
        request,
      )
    },
    { hideFields: ['password'] },
  ),
)

export default function LoginPage() {
  // A shared phone must not show the previous user's handbook offline.
  useEffect(() => {
    navigator.serviceWorker?.controller?.postMessage('clear-pages')
  }, [])
  const { t } = useTranslation()
  const actionData = useActionData<typeof action>()
  const { sso, ssoError } = useLoaderData<typeof loader>()
  const [searchParams] = useSearchParams()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'login',
    lastResult: actionData?.result,
    constraint: { email: { required: true }, password: { required: true } },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
    shouldRevalidate: 'onBlur',
  })
  const formErrors = form.errors?.map((key) =>
    key === 'login.throttled'
      ? t(key, { minutes: actionData && 'retryAfterMinutes' in actionData ? (actionData.retryAfterMinutes ?? 15) : 15 })
      : t(key),
  )
  return (
    <div className="mx-auto max-w-sm">
      <p className="mb-6 text-stone-700">{t('app.tagline')}</p>
      <PageTitle>{t('login.title')}</PageTitle>
      {ssoError && sso ? (
        <p role="alert" className="mb-4 rounded border-l-4 border-red-700 bg-red-50 px-3 py-2 text-red-900">
          {t(ssoError === 'noaccess' ? 'login.ssoNoAccess' : 'login.ssoFailed', { provider: sso.name })}
        </p>
      ) : null}
      {sso ? (
        <>
          <a
            href={`/auth/oidc${searchParams.get('redirectTo') ? `?${new URLSearchParams({ redirectTo: searchParams.get('redirectTo')! })}` : ''}`}
            className="mb-4 flex min-h-12 w-full items-center justify-center rounded bg-brand-800 px-4 font-medium text-white"
          >
            {t('login.sso', { provider: sso.name })}
          </a>
          <p className="mb-4 text-center text-sm text-stone-600">{t('login.or')}</p>
        </>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="rounded border border-stone-300 bg-white p-5">
        <FormErrors errors={formErrors} />
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
        <Field
          label={t('login.email')}
          errors={fields.email.errors}
          inputProps={{ ...getInputProps(fields.email, { type: 'text' }), autoComplete: 'username', autoFocus: true }}
        />
        <Field
          label={t('login.password')}
          errors={fields.password.errors}
          inputProps={{ ...getInputProps(fields.password, { type: 'password' }), autoComplete: 'current-password' }}
        />
        <Button type="submit" className="w-full" disabled={navigation.state === 'submitting'}>
          {t('login.submit')}
        </Button>
      </Form>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
