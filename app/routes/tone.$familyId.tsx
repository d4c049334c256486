import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { PhraseFamilyForm } from '~/components/tone/family-form.tsx'
import { PageTitle } from '~/components/ui/form.tsx'
import { requirePhraseFamily, updatePhraseFamily } from '~/models/tone.server.ts'
import { PhraseFamilySchema } from '~/validation/schemas.ts'
import { dispatch } from '~/web/action.server.ts'
import { signedIn } from '~/web/route.server.ts'

export const loader = signedIn(({ ability, params }) => requirePhraseFamily(ability, params.familyId ?? '', 'update'))

export const action = signedIn(async ({ request, user, ability, params }) => {
  const family = await requirePhraseFamily(ability, params.familyId ?? '', 'update')
  return dispatch(request, PhraseFamilySchema, async (value) => {
    await updatePhraseFamily(ability, user.id, family.id, value)
    return { flash: 'tone.saved', values: { name: value.name }, to: '/tone' }
  })
})

export default function EditPhraseFamilyPage() {
  const { t } = useTranslation()
  const family = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to="/tone" className="text-brand-800 underline">
          ← {t('tone.title')}
        </Link>
      </p>
      <PageTitle>{family.name}</PageTitle>
      <PhraseFamilyForm defaultValue={family} lastResult={actionData?.result} submitLabel={t('tone.form.save')} />
    </>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
