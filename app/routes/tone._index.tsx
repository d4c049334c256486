import { data } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { PublishedCheck, ToneReports } from '~/components/tone-page.tsx'
import { Button, PageTitle, ScrollRegion } from '~/components/ui/form.tsx'
import { tonePage } from '~/models/tone.server.ts'
import { reportTone, reviewToneReport } from '~/models/tone-reports.server.ts'
import { useDateFormat } from '~/utils/dates.ts'
import { DomainError } from '~/utils/errors.ts'
import { ToneReportSchema, ToneReviewSchema } from '~/validation/schemas.ts'
import { dispatch, intent } from '~/web/action.server.ts'
import { signedIn } from '~/web/route.server.ts'

const MAX_TRY_LENGTH = 2_000

/**
 * The tone check's page: its phrase families, what the learned signal was trained on, a box to
 * try a text (a GET form), writers' reports (HQ accepts or declines them), and on request
 * (`?check=published`) every published guideline the user may read through the whole check.
 */
export const loader = signedIn(async ({ request, ability }) => {
  const params = new URL(request.url).searchParams
  const text = (params.get('text') ?? '').slice(0, MAX_TRY_LENGTH)
  const { families, findings, model, may, reports, published } = await tonePage(ability, {
    text,
    checkPublished: params.get('check') === 'published',
  })
  return {
    model,
    reports,
    published,
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

const Intents = z.discriminatedUnion('intent', [intent('report', ToneReportSchema), intent('review', ToneReviewSchema)])

export const action = signedIn(async ({ request, user, ability }) =>
  dispatch(request, Intents, {
    // From the editor (a fetcher): the writer stays where they are, and a refusal is an answer
    // the button shows, never an error page that would replace the editor and its draft.
    report: async ({ intent: _intent, ...input }) => {
      try {
        const { created } = await reportTone(ability, user.id, input)
        return { reported: true, created }
      } catch (error) {
        if (error instanceof DomainError) return data({ reported: false }, { status: error.status })
        throw error
      }
    },
    review: async ({ id, decision }) => {
      await reviewToneReport(ability, user.id, id, decision)
      return { flash: decision === 'accepted' ? 'tone.reports.accepted' : 'tone.reports.declined' }
    },
  }),
)

export default function ToneCheckPage() {
  const { t } = useTranslation()
  const formatDate = useDateFormat()
  const { families, text, findings, may, model, reports, published } = useLoaderData<typeof loader>()
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
                      <q>{finding.text}</q> · {finding.name ?? t('tone.learned.name')}
                      {finding.example ? (
                        <span className="block text-sm text-stone-700">
                          {t('tone.learned.like')} <q>{finding.example}</q>
                        </span>
                      ) : null}
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

      <PublishedCheck published={published} />
      {reports ? <ToneReports reports={reports} /> : null}

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
      <p className="mt-4 max-w-prose text-sm text-stone-700">
        {t('tone.learned.about', {
          sentences: model.trainedOn.sentences,
          brushOffs: model.trainedOn.brushOffs,
          threshold: Math.round(model.threshold * 100),
        })}
      </p>
    </>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
