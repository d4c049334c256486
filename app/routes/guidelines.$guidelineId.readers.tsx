import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { BackLink, Button, PageTitle } from '~/components/ui/form.tsx'
import { listReaders, remindReaders } from '~/models/read-campaign.server.ts'
import { useDateFormat } from '~/utils/dates.ts'
import { dispatch } from '~/web/action.server.ts'
import { signedIn } from '~/web/route.server.ts'

/** For the manager: who of the region's frontline confirmed the current text, and a reminder for who did not. */
export const loader = signedIn(async ({ ability, params }) => {
  const { guideline, version, readers } = await listReaders(ability, params.guidelineId ?? '')
  return {
    guideline: { id: guideline.id, title: guideline.title, region: guideline.region.name },
    version,
    readers,
  }
})

const RemindSchema = z.object({ userId: z.string().optional() })

export const action = signedIn(({ request, user, ability, params }) =>
  dispatch(request, RemindSchema, async ({ userId }) => {
    const count = await remindReaders(ability, user.id, params.guidelineId ?? '', userId)
    return { flash: 'guidelines.readers.reminded', values: { count } }
  }),
)

export default function ReadersPage() {
  const { t } = useTranslation()
  const formatDate = useDateFormat('date')
  const { guideline, version, readers } = useLoaderData<typeof loader>()
  const open = readers.filter((r) => !r.confirmedAt && !r.remindedToday)
  const confirmed = readers.filter((r) => r.confirmedAt).length
  return (
    <>
      <BackLink to={`/guidelines/${guideline.id}`}>{guideline.title}</BackLink>
      <PageTitle>{t('guidelines.readers.title', { title: version?.title ?? guideline.title })}</PageTitle>
      {!version ? (
        <p>{t('guidelines.readers.notPublished')}</p>
      ) : (
        <>
          <p className="mb-2 text-stone-700">
            {t('guidelines.readers.intro', { region: guideline.region, version: version.number })}
          </p>
          <p className="mb-4 font-medium">
            {t('guidelines.readers.count', { confirmed, total: readers.length })}
            {version.confirmBy ? ` · ${t('guidelines.readers.dueBy', { date: formatDate(version.confirmBy) })}` : null}
            {!version.material ? ` · ${t('guidelines.readers.minor', { version: version.number })}` : null}
          </p>
          {readers.length ? (
            <>
              <ul className="mb-4 divide-y divide-stone-200 rounded border border-stone-300 bg-white">
                {readers.map((reader) => (
                  <li key={reader.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
                    <span>
                      <span className="font-medium">{reader.name}</span>
                      <span className="block text-sm text-stone-700">
                        {reader.confirmedAt
                          ? `✓ ${t('guidelines.readers.confirmedOn', { date: formatDate(reader.confirmedAt) })}`
                          : t('guidelines.readers.notConfirmed')}
                        {!reader.confirmedAt && reader.remindedAt
                          ? ` · ${t('guidelines.readers.remindedOn', { date: formatDate(reader.remindedAt) })}`
                          : null}
                      </span>
                    </span>
                    {!reader.confirmedAt && !reader.remindedToday ? (
                      <Form method="post">
                        <input type="hidden" name="userId" value={reader.id} />
                        <Button
                          variant="secondary"
                          aria-label={t('guidelines.readers.remindName', { name: reader.name })}
                        >
                          {t('guidelines.readers.remind')}
                        </Button>
                      </Form>
                    ) : null}
                  </li>
                ))}
              </ul>
              {open.length > 1 ? (
                <Form method="post">
                  <Button>{t('guidelines.readers.remindAll', { count: open.length })}</Button>
                </Form>
              ) : null}
            </>
          ) : (
            <p>{t('guidelines.readers.nobody')}</p>
          )}
        </>
      )}
    </>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
