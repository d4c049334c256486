import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useResultFor } from '~/components/action-form.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { CellBadge } from '~/components/guidelines/cell-badge.tsx'
import { StatusBadge } from '~/components/principles/status-badge.tsx'
import { Button, FormErrors, PageTitle } from '~/components/ui/form.tsx'
import { coverageMatrix, decide, withdrawDecision } from '~/models/coverage.server.ts'
import { countOpenFeedback } from '~/models/feedback.server.ts'
import { confirmationCounts } from '~/models/handbook.server.ts'
import { toneFindingsOfPublishedGuidelines } from '~/models/phrase-family.server.ts'
import { requireRegion } from '~/models/region.server.ts'
import { authorize, can } from '~/permissions/authorize.server.ts'
import { requireAbility } from '~/permissions/require-ability.server.ts'
import { useDateFormat } from '~/utils/dates.ts'
import { redirectWithFlash } from '~/utils/flash.server.ts'
import { domainErrorReply, getIntent, invalidSubmission } from '~/utils/forms.server.ts'
import { DecisionSchema, MoveSchema } from '~/validation/schemas.ts'

/** A region's workspace: every published principle with the region's guidelines and decisions under it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ability } = await requireAbility(request)
  const region = await requireRegion(ability, params.regionId ?? '')
  authorize(ability, 'readDraft', 'Guideline', { regionId: region.id })
  const [{ principles, rows }, confirmations, toneFindings] = await Promise.all([
    coverageMatrix(ability, { regionId: region.id }),
    confirmationCounts(region.id),
    toneFindingsOfPublishedGuidelines(ability, { regionId: region.id }),
  ])
  const cells = rows[0]?.cells ?? []
  const openFeedback = can(ability, 'update', 'Feedback', { regionId: region.id }) ? await countOpenFeedback(ability, region.id) : 0
  return {
    openFeedback,
    frontline: confirmations.frontline,
    confirmed: Object.fromEntries(confirmations.confirmed),
    toneFindings: Object.fromEntries(toneFindings),
    region: { id: region.id, name: region.name },
    counts: rows[0]?.counts ?? null,
    items: principles.map((principle, index) => ({ principle, cell: cells[index]! })),
    may: {
      create: can(ability, 'create', 'Guideline', { regionId: region.id, status: 'draft' }),
      decide: can(ability, 'create', 'PrincipleDecision', { regionId: region.id }),
    },
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, ability } = await requireAbility(request)
  const region = await requireRegion(ability, params.regionId ?? '')
  const formData = await request.formData()
  const intent = getIntent(formData)
  if (intent !== 'decide' && intent !== 'withdraw') throw data({ message: 'unknown intent' }, { status: 400 })
  const schema = intent === 'decide' ? DecisionSchema : MoveSchema.pick({ principleId: true })
  const submission = parseWithZod(formData, { schema })
  if (submission.status !== 'success') return invalidSubmission(submission)
  try {
    if (intent === 'decide') {
      const value = submission.value as { principleId: string; kind: 'applies_as_written' | 'not_applicable'; reason?: string }
      await decide(ability, user.id, { regionId: region.id, ...value })
    } else {
      await withdrawDecision(ability, user.id, { regionId: region.id, principleId: submission.value.principleId })
    }
  } catch (error) {
    return domainErrorReply(submission, error)
  }
  return redirectWithFlash(request, `/regions/${region.id}/guidelines`, { kind: 'success', key: `decisions.done.${intent}` })
}

type Item = Awaited<ReturnType<typeof loader>>['items'][number]

export default function RegionGuidelinesPage() {
  const { t } = useTranslation()
  const { region, items, may, frontline, confirmed, openFeedback, toneFindings } = useLoaderData<typeof loader>()
  const toReview = items.filter((item) => item.cell.state === 'needs_review' || item.cell.state === 'overdue')
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to={`/regions/${region.id}`} className="text-brand-800 underline">
          ← {region.name}
        </Link>
      </p>
      <PageTitle>{t('guidelines.workspace', { region: region.name })}</PageTitle>
      {may.decide ? (
        <p className="mb-4">
          <Link to={`/regions/${region.id}/feedback`} className="font-medium text-brand-800 underline">
            {t('feedback.inboxLink', { count: openFeedback })}
          </Link>
        </p>
      ) : null}
      <section aria-labelledby="to-review" className="mb-6 rounded border border-red-800 bg-white p-4">
        <h2 id="to-review" className="mb-2 text-lg font-semibold">
          {t('guidelines.toReview', { count: toReview.length })}
        </h2>
        {toReview.length ? (
          <ul className="space-y-1">
            {toReview.flatMap(({ principle, cell }) => [
              ...cell.guidelines
                .filter((g) => g.needsReview || g.overdue)
                .map((g) => (
                  <li key={g.id}>
                    <Link to={g.needsReview ? `/guidelines/${g.id}/review` : `/guidelines/${g.id}`} className="text-brand-800 underline">
                      {g.title}
                    </Link>{' '}
                    <CellBadge state={g.needsReview ? 'needs_review' : 'overdue'} />
                  </li>
                )),
              ...(cell.decision?.needsReview
                ? [
                    <li key={`d-${principle.id}`}>
                      <a href={`#p-${principle.id}`} className="text-brand-800 underline">
                        {t('decisions.reconfirm', { title: principle.title })}
                      </a>
                    </li>,
                  ]
                : []),
            ])}
          </ul>
        ) : (
          <p className="text-stone-700">{t('guidelines.nothingToReview')}</p>
        )}
      </section>
      <ol className="space-y-4">
        {items.map((item, index) => (
          <PrincipleItem
            key={item.principle.id}
            item={item}
            index={index}
            regionId={region.id}
            may={may}
            readBy={(id) => (id in confirmed ? t('guidelines.readBy', { confirmed: confirmed[id], total: frontline }) : null)}
            toneFindings={toneFindings}
          />
        ))}
      </ol>
    </>
  )
}

function PrincipleItem({
  item,
  index,
  regionId,
  may,
  readBy,
  toneFindings,
}: {
  item: Item
  index: number
  regionId: string
  may: { create: boolean; decide: boolean }
  readBy: (guidelineId: string) => string | null
  /** Guideline id → the families its published version trips (one entry per finding). */
  toneFindings: Record<string, string[]>
}) {
  const { t } = useTranslation()
  const formatDate = useDateFormat('date')
  const { principle, cell } = item
  const result = useResultFor('decide', { principleId: principle.id })
  return (
    <li id={`p-${principle.id}`} className="rounded border border-stone-300 bg-white p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="font-semibold">
          {index + 1}.{' '}
          <Link to={`/principles/${principle.slug}`} className="text-brand-800 underline">
            {principle.title}
          </Link>{' '}
          <span className="text-sm font-normal text-stone-600">v{principle.version}</span>
        </h2>
        <CellBadge state={cell.state} />
      </div>
      {cell.guidelines.length ? (
        <ul className="mt-2 space-y-1">
          {cell.guidelines.map((g) => (
            <li key={g.id} className="flex flex-wrap items-center gap-2">
              <Link to={`/guidelines/${g.id}`} className="text-brand-800 underline">
                {g.title}
              </Link>
              <StatusBadge status={g.status} />
              {g.needsReview ? <StatusBadge status="needs_review" /> : null}
              {g.overdue ? <StatusBadge status="overdue" /> : null}
              {g.published && readBy(g.id) ? <span className="text-xs text-stone-700">{readBy(g.id)}</span> : null}
              <ToneFindingsNote names={toneFindings[g.id]} />
            </li>
          ))}
        </ul>
      ) : null}
      {cell.decision ? (
        <p className="mt-2 text-sm">
          {t(`decisions.kinds.${cell.decision.kind}`)} · {formatDate(cell.decision.decidedAt)}
          {cell.decision.reason ? ` — ${cell.decision.reason}` : null}
        </p>
      ) : null}
      <div className="mt-3 flex flex-wrap items-start gap-3">
        {may.create ? (
          <Link to={`/guidelines/new?region=${regionId}&principle=${principle.id}`} className="inline-flex min-h-11 items-center rounded border border-brand-800 px-3 py-2 font-medium text-brand-800">
            {t('guidelines.start')}
          </Link>
        ) : null}
        {may.decide ? (
          <details className="rounded border border-stone-300 px-3 py-2" open={Boolean(result)}>
            <summary className="cursor-pointer font-medium">{cell.decision ? t('decisions.change') : t('decisions.record')}</summary>
            <Form method="post" className="mt-2 max-w-md">
              <FormErrors errors={result?.error?.[''] ?? undefined} />
              <input type="hidden" name="principleId" value={principle.id} />
              <fieldset className="mb-2">
                <legend className="sr-only">{t('decisions.record')}</legend>
                {(['applies_as_written', 'not_applicable'] as const).map((kind) => (
                  <label key={kind} className="mr-4 inline-flex items-center gap-1">
                    <input type="radio" name="kind" value={kind} defaultChecked={(cell.decision?.kind ?? 'applies_as_written') === kind} />
                    {t(`decisions.kinds.${kind}`)}
                  </label>
                ))}
              </fieldset>
              <label htmlFor={`reason-${principle.id}`} className="block text-sm font-medium">
                {t('decisions.reason')}
              </label>
              <textarea
                id={`reason-${principle.id}`}
                name="reason"
                rows={2}
                defaultValue={cell.decision?.reason ?? ''}
                aria-describedby={result?.error?.reason ? `reason-${principle.id}-error` : undefined}
                className="mb-1 block w-full rounded border border-stone-400 px-2 py-1"
              />
              {result?.error?.reason ? (
                <p id={`reason-${principle.id}-error`} className="text-sm text-red-800">
                  {t(result.error.reason[0]!)}
                </p>
              ) : null}
              <div className="flex gap-2">
                <Button name="intent" value="decide">
                  {t('decisions.save')}
                </Button>
                {cell.decision ? (
                  <Button name="intent" value="withdraw" variant="secondary">
                    {t('decisions.withdraw')}
                  </Button>
                ) : null}
              </div>
            </Form>
          </details>
        ) : null}
      </div>
    </li>
  )
}

/** The tone check on the published version: how many brush-off phrasings, and which. */
function ToneFindingsNote({ names }: { names?: string[] }) {
  const { t } = useTranslation()
  if (!names?.length) return null
  return (
    <span className="rounded bg-amber-50 px-1.5 py-0.5 text-xs text-amber-900" data-testid="tone-findings-count">
      {t('phrases.overview.findings', { count: names.length })}: {[...new Set(names)].join(', ')}
    </span>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
