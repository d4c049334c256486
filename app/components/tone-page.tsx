// Parts of the tone check's page (routes/tone._index.tsx): HQ's check of every published
// guideline, and writers' reports with HQ's accept/decline buttons.
import { Form, Link, type useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useResultFor } from '~/components/action-form.tsx'
import { Button, FormErrors } from '~/components/ui/form.tsx'
import type { loader } from '~/routes/tone._index.tsx'
import { useDateFormat } from '~/utils/dates.ts'

type PageData = ReturnType<typeof useLoaderData<typeof loader>>
type Published = PageData['published']
type Reports = NonNullable<PageData['reports']>

/** "Check every published guideline" (a GET link) and, once asked, the guidelines with findings. */
export function PublishedCheck({ published }: { published: Published | null }) {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="published-check" className="mb-8 rounded border border-stone-300 bg-white p-4">
      <h2 id="published-check" className="mb-2 text-lg font-semibold">
        {t('tone.published.title')}
      </h2>
      <p className="mb-2 max-w-prose text-stone-700">{t('tone.published.intro')}</p>
      <Form method="get">
        <input type="hidden" name="check" value="published" />
        <Button type="submit" variant="secondary">
          {t('tone.published.run')}
        </Button>
      </Form>
      {published ? (
        <div role="status" className="mt-3">
          <p className="font-medium">
            {t('tone.published.result', { count: published.checked, flagged: published.flaggedCount })}
          </p>
          {published.flagged.length ? (
            <ul className="mt-2 space-y-2" data-testid="published-findings">
              {published.flagged.map((guideline) => (
                <li key={guideline.id} className="border-l-4 border-amber-300 pl-3">
                  <Link to={`/guidelines/${guideline.id}`} className="font-medium text-brand-800 underline">
                    {guideline.title}
                  </Link>{' '}
                  <span className="text-sm text-stone-700">· {guideline.region.name}</span>
                  <ul className="text-sm">
                    {guideline.findings.map((finding, index) => (
                      <li key={index}>
                        <q>{finding.text}</q> · {finding.name ?? t('tone.learned.name')}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          ) : null}
          {published.flaggedCount > published.flagged.length ? (
            <p className="mt-2 text-sm">
              {t('tone.published.more', { count: published.flaggedCount - published.flagged.length })}
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  )
}

/** Writers' reports: pending ones (HQ decides) and the last decided ones. */
export function ToneReports({ reports }: { reports: Reports }) {
  const { t } = useTranslation()
  const formatDate = useDateFormat()
  const { pending, decided, may } = reports
  // "Someone else has already decided on this report" (409) and other refusals of a decision.
  const review = useResultFor('review')
  return (
    <section aria-labelledby="tone-reports" className="mb-8">
      <h2 id="tone-reports" className="mb-2 text-lg font-semibold">
        {t('tone.reports.title', { count: pending.length })}
      </h2>
      <FormErrors errors={review?.error?.[''] ?? undefined} />
      <p className="mb-2 max-w-prose text-stone-700">
        {t(may.review ? 'tone.reports.introHq' : 'tone.reports.introWriter')}
      </p>
      {pending.length ? (
        <ul className="space-y-2" data-testid="tone-reports-pending">
          {pending.map((report) => (
            <li key={report.id} className="rounded border border-stone-300 bg-white p-3">
              <p>
                <q>{report.text}</q>
              </p>
              <p className="text-sm text-stone-700">
                {t(`tone.reports.kind.${report.kind}`)} · {report.reporter.name} · {formatDate(report.createdAt)}
              </p>
              {may.review ? (
                <Form method="post" className="mt-2 flex flex-wrap gap-2">
                  <input type="hidden" name="id" value={report.id} />
                  <input type="hidden" name="intent" value="review" />
                  <Button name="decision" value="accepted" variant="secondary">
                    {t('tone.reports.accept')}
                  </Button>
                  <Button name="decision" value="declined" variant="secondary">
                    {t('tone.reports.decline')}
                  </Button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-stone-700">{t('tone.reports.none')}</p>
      )}
      {decided.length ? (
        <details className="mt-3">
          <summary className="cursor-pointer">{t('tone.reports.decided', { count: decided.length })}</summary>
          <ul className="mt-2 space-y-1 text-sm">
            {decided.map((report) => (
              <li key={report.id}>
                <q>{report.text}</q> · {t(`tone.reports.kind.${report.kind}`)} ·{' '}
                {t(`tone.reports.status.${report.status}`)}
                {report.reviewedBy ? ` (${report.reviewedBy.name})` : ''}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  )
}
