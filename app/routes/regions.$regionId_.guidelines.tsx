import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { LEARNED_FAMILY_ID } from '~/tone/learned.ts'
import { z } from 'zod'
import { useResultFor } from '~/components/action-form.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { CellBadge } from '~/components/guidelines/cell-badge.tsx'
import { StatusBadge } from '~/components/principles/status-badge.tsx'
import { Button, FormErrors, PageTitle, BackLink } from '~/components/ui/form.tsx'
import { regionWorkspace } from '~/models/coverage.server.ts'
import { decide, withdrawDecision } from '~/models/decision.server.ts'
import { requireRegion } from '~/models/region.server.ts'
import { useDateFormat } from '~/utils/dates.ts'
import { DecisionSchema } from '~/validation/schemas.ts'
import { dispatch, intent } from '~/web/action.server.ts'
import { signedIn } from '~/web/route.server.ts'
import { forServerRenderOnly } from '~/web/plain-html.server.ts'
import { loadAsDocument } from '~/frontline/load-as-document.ts'
import type { RouteHandle } from '~/root.tsx'

/**
 * Plain HTML without React in the browser: links, and forms that post as forms (a decision, its
 * withdrawal), so a manager's phone shows 200 principles without hydrating them.
 */
export const handle: RouteHandle = { hydrate: false }
export const clientLoader = loadAsDocument

/** A region's workspace: every published principle with the region's guidelines and decisions under it. */
export const loader = signedIn(async ({ ability, params }) => {
  const workspace = await regionWorkspace(ability, params.regionId ?? '')
  return forServerRenderOnly({
    ...workspace,
    confirmed: Object.fromEntries(workspace.confirmed),
    toneFindings: Object.fromEntries(workspace.toneFindings),
  })
})

const WorkspaceIntents = z.discriminatedUnion('intent', [
  intent('decide', DecisionSchema),
  intent('withdraw', DecisionSchema.pick({ principleId: true, seen: true })),
])

export const action = signedIn(async ({ request, user, ability, params }) => {
  const region = await requireRegion(ability, params.regionId ?? '')
  return dispatch(
    request,
    WorkspaceIntents,
    {
      decide: async ({ intent: _intent, ...decision }) => {
        await decide(ability, user.id, { regionId: region.id, ...decision })
        return { flash: 'decisions.done.decide' }
      },
      withdraw: async ({ principleId, seen }) => {
        await withdrawDecision(ability, user.id, { regionId: region.id, principleId, seen })
        return { flash: 'decisions.done.withdraw' }
      },
    },
    { redirectTo: `/regions/${region.id}/guidelines` },
  )
})

type Item = Awaited<ReturnType<typeof loader>>['items'][number]

export default function RegionGuidelinesPage() {
  const { t } = useTranslation()
  const { region, items, may, frontline, confirmed, openFeedback, toneFindings } = useLoaderData<typeof loader>()
  const toReview = items.filter((item) => item.cell.state === 'needs_review' || item.cell.state === 'overdue')
  return (
    <>
      <BackLink to={`/regions/${region.id}`}>{region.name}</BackLink>
      <PageTitle>{t('guidelines.workspace', { region: region.name })}</PageTitle>
      {may.handleFeedback ? (
        <p className="mb-4">
          <Link to={`/regions/${region.id}/feedback`} className="font-medium text-brand-800 underline">
            {t('feedback.inboxLink', { count: openFeedback })}
          </Link>
          {' · '}
          <Link to={`/regions/${region.id}/gaps`} className="font-medium text-brand-800 underline">
            {t('gaps.link')}
          </Link>
        </p>
      ) : null}
      {may.readSignals ? (
        <p className="mb-4">
          <Link to={`/regions/${region.id}/signals`} className="font-medium text-brand-800 underline">
            {t('signals.regionLink')}
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
                    <Link
                      to={g.needsReview ? `/guidelines/${g.id}/review` : `/guidelines/${g.id}`}
                      className="text-brand-800 underline"
                    >
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
            readBy={(id) =>
              id in confirmed ? t('guidelines.readBy', { confirmed: confirmed[id], total: frontline }) : null
            }
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
  const withdrawn = useResultFor('withdraw', { principleId: principle.id })
  // One decision form at a time (`?decide=<principle>`, or the one a refused post came from): 200
  // principles with a form each made a phone lay out six thousand elements.
  const [searchParams] = useSearchParams()
  const deciding = Boolean(result || withdrawn) || searchParams.get('decide') === principle.id
  return (
    // Items off screen are not laid out until scrolled to (the page holds every published principle).
    <li
      id={`p-${principle.id}`}
      className="rounded border border-stone-300 bg-white p-4 [contain-intrinsic-size:auto_9rem] [content-visibility:auto]"
    >
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
              {g.published && readBy(g.id) ? (
                may.decide ? (
                  <Link to={`/guidelines/${g.id}/readers`} className="text-xs text-brand-800 underline">
                    {readBy(g.id)}
                  </Link>
                ) : (
                  <span className="text-xs text-stone-700">{readBy(g.id)}</span>
                )
              ) : null}
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
          <Link
            to={`/guidelines/new?region=${regionId}&principle=${principle.id}`}
            className="inline-flex min-h-11 items-center rounded border border-brand-800 px-3 py-2 font-medium text-brand-800"
          >
            {t('guidelines.start')}
          </Link>
        ) : null}
        {may.decide && !deciding ? (
          <Link
            to={`?decide=${principle.id}#p-${principle.id}`}
            className="inline-flex min-h-11 items-center rounded border border-stone-400 px-3 py-2 font-medium text-stone-900"
          >
            {cell.decision ? t('decisions.change') : t('decisions.record')}
          </Link>
        ) : null}
        {may.decide && deciding ? (
          <div className="rounded border border-stone-300 px-3 py-2">
            <h3 className="font-medium">{cell.decision ? t('decisions.change') : t('decisions.record')}</h3>
            <Form method="post" className="mt-2 max-w-md">
              <FormErrors errors={(result ?? withdrawn)?.error?.[''] ?? undefined} />
              <input type="hidden" name="principleId" value={principle.id} />
              <input
                type="hidden"
                name="seen"
                value={cell.decision ? new Date(cell.decision.decidedAt).toISOString() : ''}
              />
              <fieldset className="mb-2">
                <legend className="sr-only">{t('decisions.record')}</legend>
                {(['applies_as_written', 'not_applicable'] as const).map((kind) => (
                  <label key={kind} className="mr-4 inline-flex items-center gap-1">
                    <input
                      type="radio"
                      name="kind"
                      value={kind}
                      defaultChecked={(cell.decision?.kind ?? 'applies_as_written') === kind}
                    />
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
          </div>
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
      {t('tone.overview.findings', { count: names.length })}:{' '}
      {[...new Set(names.map((name) => (name === LEARNED_FAMILY_ID ? t('tone.learned.name') : name)))].join(', ')}
    </span>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
