import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Can } from '~/components/can.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { StatusBadge } from '~/components/principles/status-badge.tsx'
import { FormErrors, PageTitle } from '~/components/ui/form.tsx'
import { listPrinciples, movePrinciple } from '~/models/principle.server.ts'
import { useDateFormat } from '~/utils/dates.ts'
import { MoveSchema } from '~/validation/schemas.ts'
import { dispatch } from '~/web/action.server.ts'
import { signedIn } from '~/web/route.server.ts'

export const loader = signedIn(async ({ ability }) => ({ principles: await listPrinciples(ability) }))

export const action = signedIn(({ request, user, ability }) =>
  dispatch(request, MoveSchema, async ({ principleId, direction, position }) => {
    await movePrinciple(ability, user.id, principleId, direction, position)
    return { flash: 'principles.moved', to: '/principles' }
  }),
)

type Row = Awaited<ReturnType<typeof loader>>['principles'][number]

export default function PrinciplesPage() {
  const { t } = useTranslation()
  const { principles } = useLoaderData<typeof loader>()
  const moved = useActionData<typeof action>()
  const published = principles.filter((p) => p.position !== null && p.status !== 'archived')
  const consultation = principles.filter((p) => p.status === 'consultation')
  const drafts = principles.filter((p) => p.status === 'draft' && p.workingTitle !== null)
  const archived = principles.filter((p) => p.status === 'archived')
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
        <PageTitle>{t('principles.title')}</PageTitle>
        <Can I="create" a="Principle">
          <Link
            to="new"
            className="inline-flex min-h-11 items-center rounded bg-brand-800 px-4 py-2 font-medium text-white"
          >
            {t('principles.new')}
          </Link>
        </Can>
      </div>
      <p className="mb-6 text-stone-700">{t('principles.intro')}</p>
      <FormErrors errors={moved && 'result' in moved ? (moved.result.error?.[''] ?? undefined) : undefined} />
      <PrincipleList title={t('principles.sections.published')} rows={published} ordered />
      <PrincipleList title={t('principles.sections.consultation')} rows={consultation} />
      <PrincipleList title={t('principles.sections.drafts')} rows={drafts} />
      <PrincipleList title={t('principles.sections.archived')} rows={archived} />
      {principles.length === 0 ? <p>{t('principles.empty')}</p> : null}
    </>
  )
}

function PrincipleList({ title, rows, ordered = false }: { title: string; rows: Row[]; ordered?: boolean }) {
  const { t } = useTranslation()
  const formatDate = useDateFormat('date')
  if (!rows.length) return null
  const List = ordered ? 'ol' : 'ul'
  return (
    <section className="mb-8" aria-label={title}>
      <h2 className="mb-2 text-lg font-semibold">{title}</h2>
      <List className="divide-y divide-stone-200 rounded border border-stone-300 bg-white">
        {rows.map((row, index) => (
          <li key={row.id} className="flex flex-wrap items-center gap-3 px-4 py-3">
            {ordered ? <span className="w-6 text-right font-semibold text-stone-600">{index + 1}.</span> : null}
            <div className="min-w-0 grow">
              <Link to={row.slug} className="font-medium text-brand-800 underline">
                {ordered ? row.title : (row.workingTitle ?? row.title)}
              </Link>
              <p className="text-sm text-stone-700">
                <StatusBadge status={row.status} />{' '}
                {row.latest
                  ? t('principles.versionShort', {
                      version: row.latest.number,
                      date: formatDate(row.latest.publishedAt),
                    })
                  : null}
                {row.status === 'consultation' && row.consultationEndsAt
                  ? ` · ${t('principles.consultationUntil', { date: formatDate(row.consultationEndsAt) })}`
                  : null}
              </p>
            </div>
            {ordered ? (
              <Can I="update" a="Principle">
                <Form method="post" className="flex gap-1">
                  <input type="hidden" name="principleId" value={row.id} />
                  <input type="hidden" name="position" value={row.position ?? ''} />
                  <button
                    name="direction"
                    value="up"
                    disabled={index === 0}
                    aria-label={t('principles.moveUp', { title: row.title })}
                    className="min-h-10 min-w-10 rounded border border-stone-400 disabled:opacity-40"
                  >
                    ↑
                  </button>
                  <button
                    name="direction"
                    value="down"
                    disabled={index === rows.length - 1}
                    aria-label={t('principles.moveDown', { title: row.title })}
                    className="min-h-10 min-w-10 rounded border border-stone-400 disabled:opacity-40"
                  >
                    ↓
                  </button>
                </Form>
              </Can>
            ) : null}
          </li>
        ))}
      </List>
    </section>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
