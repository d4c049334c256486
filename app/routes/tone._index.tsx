import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { Button, PageTitle, ScrollRegion } from '~/components/ui/form.tsx'
import { toneOverview } from '~/models/tone.server.ts'
import { useDateFormat } from '~/utils/dates.ts'
import { signedIn } from '~/web/route.server.ts'

const MAX_TRY_LENGTH = 2_000

/** The tone check's phrase families, and a box to try a text against the enabled ones (a GET form). */
export const loader = signedIn(async ({ request, ability }) => {
  const text = (new URL(request.url).searchParams.get('text') ?? '').slice(0, MAX_TRY_LENGTH)
  const { families, findings, may } = await toneOverview(ability, text)
  return {
    families: families.map((family) => ({
      id: family.id,
      name: family.name,
      enabled: family.enabled,
      patterns: family.patterns.split('\n').filter((line) => line.trim()).length,
      updatedAt: family.updatedAt,
      updatedBy: family.updatedBy?.name ?? null,
    })),
    text,
    findings,
    may,
  }
})

export default function ToneCheckPage() {
  const { t } = useTranslation()
  const formatDate = useDateFormat()
  const { families, text, findings, may } = useLoaderData<typeof loader>()
  return (
    <>
      <PageTitle>{t('tone.title')}</PageTitle>
      <p className="mb-4 max-w-prose text-stone-700">{t('tone.intro')}</p>
      {may.create ? (
        <p className="mb-6">
          <Link to="new" className="font-medium text-brand-800 underline">
            {t('tone.add')}
          </Link>
        </p>
      ) : null}

      <section aria-labelledby="try-title" className="mb-8 rounded border border-stone-300 bg-white p-4">
        <h2 id="try-title" className="mb-2 text-lg font-semibold">
          {t('tone.try.title')}
        </h2>
        <Form method="get" className="space-y-2">
          <label htmlFor="try-text" className="block font-medium">
            {t('tone.try.label')}
          </label>
          <textarea
            id="try-text"
            name="text"
            rows={3}
            maxLength={MAX_TRY_LENGTH}
            defaultValue={text}
            className="block w-full rounded border border-stone-400 px-3 py-2"
          />
          <Button type="submit" variant="secondary">
            {t('tone.try.submit')}
          </Button>
        </Form>
        {findings ? (
          <div role="status" className="mt-3">
            {findings.length ? (
              <>
                <p className="font-medium">{t('tone.panel.found', { count: findings.length })}</p>
                <ul className="mt-1 list-disc pl-5">
                  {findings.map((finding) => (
                    <li key={`${finding.start}-${finding.familyId}`}>
                      <q>{finding.text}</q> · {finding.name}
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p>{t('tone.panel.none')}</p>
            )}
          </div>
        ) : null}
      </section>

      <h2 className="mb-2 text-lg font-semibold">{t('tone.families')}</h2>
      <ScrollRegion label={t('tone.families')}>
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b border-stone-300">
              <th className="py-2 pr-4">{t('tone.form.name')}</th>
              <th className="py-2 pr-4">{t('tone.patternsCount')}</th>
              <th className="py-2 pr-4">{t('tone.state')}</th>
              <th className="py-2 pr-4">{t('tone.lastChange')}</th>
            </tr>
          </thead>
          <tbody>
            {families.map((family) => (
              <tr key={family.id} className="border-b border-stone-200">
                <td className="py-2 pr-4">
                  {may.update ? (
                    <Link to={family.id} className="text-brand-800 underline">
                      {family.name}
                    </Link>
                  ) : (
                    family.name
                  )}
                </td>
                <td className="py-2 pr-4">{family.patterns}</td>
                <td className="py-2 pr-4">{family.enabled ? t('tone.enabled') : t('tone.disabled')}</td>
                <td className="py-2 pr-4">
                  {formatDate(family.updatedAt)}
                  {family.updatedBy ? ` · ${family.updatedBy}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
