import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Can } from '~/components/can.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { Button, Field, FormErrors, PageTitle } from '~/components/ui/form.tsx'
import { createRegion, requireRegions } from '~/models/region.server.ts'
import { RegionSchema } from '~/validation/schemas.ts'
import { dispatch } from '~/web/action.server.ts'
import { signedIn } from '~/web/route.server.ts'

export const loader = signedIn(async ({ ability }) => ({ regions: await requireRegions(ability) }))

export const action = signedIn(({ request, user, ability }) =>
  dispatch(request, RegionSchema, async (value) => {
    const region = await createRegion(ability, user.id, value)
    return { flash: 'regions.created', values: { name: region.name }, to: `/regions/${region.id}` }
  }),
)

export default function RegionsPage() {
  const { t } = useTranslation()
  const { regions } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'create-region',
    lastResult: actionData && 'result' in actionData ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RegionSchema }),
    shouldRevalidate: 'onBlur',
  })
  return (
    <>
      <PageTitle>{t('regions.title')}</PageTitle>
      {regions.length ? (
        <ul className="mb-8 divide-y divide-stone-200 rounded border border-stone-300 bg-white">
          {regions.map((region) => (
            <li key={region.id} className="px-4 py-3">
              <Link to={region.id} className="font-medium text-brand-800 underline">
                {region.name}
              </Link>
              {region.description ? <p className="text-sm text-stone-700">{region.description}</p> : null}
              <p className="text-sm text-stone-600">{t('regions.members', { count: region._count.memberships })}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mb-8">{t('regions.empty')}</p>
      )}
      <Can I="create" a="Region">
        <section aria-labelledby="create-region-title" className="max-w-md">
          <h2 id="create-region-title" className="mb-2 text-lg font-semibold">
            {t('regions.create')}
          </h2>
          <Form method="post" {...getFormProps(form)} className="rounded border border-stone-300 bg-white p-5">
            <FormErrors errors={form.errors} />
            <Field
              label={t('regions.name')}
              errors={fields.name.errors}
              inputProps={getInputProps(fields.name, { type: 'text' })}
            />
            <Field
              label={t('regions.description')}
              errors={fields.description.errors}
              inputProps={getInputProps(fields.description, { type: 'text' })}
            />
            <Button type="submit">{t('regions.create')}</Button>
          </Form>
        </section>
      </Can>
    </>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
