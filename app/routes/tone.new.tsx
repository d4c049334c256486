import { Link, useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { PhraseFamilyForm } from '~/components/tone/family-form.tsx'
import { PageTitle } from '~/components/ui/form.tsx'
import { createPhraseFamily, requireToneEditor } from '~/models/tone.server.ts'
import { PhraseFamilySchema } from '~/validation/schemas.ts'
import { dispatch } from '~/web/action.server.ts'
import { signedIn } from '~/web/route.server.ts'

export const loader = signedIn(({ ability }) => {
  requireToneEditor(ability)
  return null
})

export const action = signedIn(({ request, user, ability }) => {
  requireToneEditor(ability)
  return dispatch(request, PhraseFamilySchema, async (value) => {
    await createPhraseFamily(ability, user.id, value)
    return { flash: 'tone.created', to: '/tone' }
  })
})

export default function NewPhraseFamilyPage() {
  const { t } = useTranslation()
  const actionData = useActionData<typeof action>()
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to="/tone" className="text-brand-800 underline">
          ← {t('tone.title')}
        </Link>
      </p>
      <PageTitle>{t('tone.add')}</PageTitle>
      <PhraseFamilyForm
        defaultValue={{ name: '', patterns: '', exceptions: '', explanation: '', suggestion: '', enabled: true }}
        lastResult={actionData?.result}
        submitLabel={t('tone.form.create')}
      />
    </>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
