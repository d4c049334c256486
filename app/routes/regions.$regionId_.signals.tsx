import { Form, Link, useLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { useResultFor } from '~/components/action-form.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { MonthlyBars, useMonthLabel, VersionBars } from '~/components/signals/charts.tsx'
import { SignalLine } from '~/components/signals/signal-line.tsx'
import { DataTable, cell } from '~/components/ui/data-table.tsx'
import { BackLink, Button, Field, FieldErrors, PageTitle } from '~/components/ui/form.tsx'
import { regionSignals, setComplaintThreshold, quoteSignalsInDraft } from '~/models/signal.server.ts'
import { useDateFormat } from '~/utils/dates.ts'
import { ComplaintThresholdSchema, UseSignalsSchema } from '~/validation/schemas.ts'
import { dispatch, intent } from '~/web/action.server.ts'
import { signedIn } from '~/web/route.server.ts'

/**
 * A region's customer signals (its manager, HQ read-only): by month and kind, by rule against the
 * manager's complaint threshold, what no rule covered, and the latest signals to quote in a draft.
 * `?guideline=` narrows the page to one rule, with its versions before and after.
 */
export const loader = signedIn(async ({ ability, params, request }) => {
  const guidelineId = new URL(request.url).searchParams.get('guideline')?.slice(0, 100) || undefined
  return regionSignals(ability, params.regionId ?? '', { guidelineId })
})

const SignalIntents = z.discriminatedUnion('intent', [
  intent('threshold', ComplaintThresholdSchema),
  intent('use', UseSignalsSchema),
])

export const action = signedIn(async ({ request, user, ability, params }) => {
  const regionId = params.regionId ?? ''
  return dispatch(request, SignalIntents, {
    threshold: async ({ threshold }) => {
      await setComplaintThreshold(ability, user.id, regionId, threshold)
      return { flash: 'signals.region.thresholdSaved' }
    },
    use: async ({ guideline, signals }) => {
      const { added } = await quoteSignalsInDraft(ability, user.id, regionId, guideline, signals)
      return { flash: 'signals.region.usedDone', values: { count: added } }
    },
  })
})

type Data = ReturnType<typeof useLoaderData<typeof loader>>

export default function RegionSignalsPage() {
  const { t } = useTranslation()
  const data = useLoaderData<typeof loader>()
  const { region, months, focus, manages } = data
  return (
    <>
      <BackLink to={`/regions/${region.id}/guidelines`}>{t('guidelines.workspace', { region: region.name })}</BackLink>
      <PageTitle>{t('signals.region.title', { region: region.name })}</PageTitle>
      <p className="mb-4 max-w-prose text-stone-700">{t('signals.region.intro')}</p>
      {manages ? (
        <p className="mb-4">
          <Link to="/signals/import" className="font-medium text-brand-800 underline">
            {t('signals.region.import')}
          </Link>
        </p>
      ) : null}
      {focus ? (
        <p className="mb-2">
          <Link to={`/regions/${region.id}/signals`} className="text-brand-800 underline">
            ← {t('signals.region.allRules')}
          </Link>
        </p>
      ) : null}
      <section aria-labelledby="by-month" className="mb-8">
        <h2 id="by-month" className="mb-2 text-lg font-semibold">
          {focus ? `${t('signals.region.months')}: ${focus.title}` : t('signals.region.months')}
        </h2>
        <MonthlyBars months={months} />
        <MonthTable months={months} />
      </section>
      {focus ? <Versions focus={focus} /> : <PerRule data={data} />}
      {focus ? null : <NoRule signals={data.noRule} />}
      <Latest data={data} />
      {manages && !focus ? <ThresholdForm threshold={data.threshold} /> : null}
    </>
  )
}

function MonthTable({ months }: { months: Data['months'] }) {
  const { t } = useTranslation()
  const label = useMonthLabel()
  const kinds = ['complaint', 'compliment', 'question', 'suggestion'] as const
  return (
    <DataTable
      label={t('signals.region.months')}
      columns={[
        { label: t('signals.region.month') },
        ...kinds.map((kind) => ({ label: t(`signals.kinds.${kind}`), numeric: true })),
        { label: t('signals.region.total'), numeric: true },
        { label: t('signals.region.average'), numeric: true },
      ]}
    >
      {months.map((m) => (
        <NumberRow
          key={m.month}
          header={label(m.month)}
          numbers={[...kinds.map((kind) => m[kind]), m.total, m.averageScore]}
        />
      ))}
    </DataTable>
  )
}

/** A row of a numbers table: its header cell, any text cells, then the numbers ("—" for none). */
function NumberRow({
  header,
  text = [],
  numbers,
  className,
}: {
  header: ReactNode
  text?: string[]
  numbers: (number | null)[]
  className?: string
}) {
  return (
    <tr className={className}>
      <th scope="row" className="px-3 py-2 font-normal">
        {header}
      </th>
      {text.map((value, index) => (
        <td key={`text-${index}`} className={cell()}>
          {value}
        </td>
      ))}
      {numbers.map((n, index) => (
        <td key={index} className={cell(true)}>
          {n ?? '—'}
        </td>
      ))}
    </tr>
  )
}

function PerRule({ data }: { data: Data }) {
  const { t } = useTranslation()
  const { region, rules } = data
  return (
    <section aria-labelledby="per-rule" className="mb-8">
      <h2 id="per-rule" className="mb-2 text-lg font-semibold">
        {t('signals.region.perRule')}
      </h2>
      {rules.length ? (
        <DataTable
          label={t('signals.region.perRule')}
          columns={[
            { label: t('signals.region.rule') },
            { label: t('signals.region.signals'), numeric: true },
            { label: t('signals.region.complaints'), numeric: true },
            { label: t('signals.region.recent'), numeric: true },
            { label: t('signals.region.average'), numeric: true },
          ]}
        >
          {rules.map((rule) => (
            <NumberRow
              key={rule.guidelineId ?? rule.principleId}
              className={rule.overThreshold ? 'bg-red-50' : undefined}
              header={
                <>
                  {rule.guidelineId ? (
                    <Link
                      to={`/regions/${region.id}/signals?guideline=${rule.guidelineId}`}
                      className="text-brand-800 underline"
                    >
                      {rule.title}
                    </Link>
                  ) : (
                    <>
                      {rule.title} <span className="text-stone-600">({t('signals.region.asWrittenRule')})</span>
                    </>
                  )}
                  {rule.overThreshold ? (
                    <strong className="block text-red-800">{t('signals.region.over')}</strong>
                  ) : null}
                </>
              }
              numbers={[rule.total, rule.complaints, rule.recentComplaints, rule.averageScore]}
            />
          ))}
        </DataTable>
      ) : (
        <p>{t('signals.region.noRules')}</p>
      )}
    </section>
  )
}

function NoRule({ signals }: { signals: Data['noRule'] }) {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="no-rule" className="mb-8">
      <h2 id="no-rule" className="mb-1 text-lg font-semibold">
        {t('signals.region.noRuleTitle')}
      </h2>
      <p className="mb-2 text-sm text-stone-700">{t('signals.region.noRuleIntro')}</p>
      {signals.length ? (
        <ul className="space-y-2">
          {signals.map((signal) => (
            <li key={signal.id} className="rounded border border-stone-300 bg-white p-3">
              <SignalLine signal={signal} />
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('signals.region.noRuleEmpty')}</p>
      )}
    </section>
  )
}

function Versions({ focus }: { focus: NonNullable<Data['focus']> }) {
  const { t } = useTranslation()
  const formatDate = useDateFormat('date')
  return (
    <section aria-labelledby="versions" className="mb-8">
      <h2 id="versions" className="mb-1 text-lg font-semibold">
        {t('signals.region.versions')}
      </h2>
      <p className="mb-2 max-w-prose text-sm text-stone-700">{t('signals.region.versionsIntro')}</p>
      <VersionBars versions={focus.versions} />
      <DataTable
        label={t('signals.region.versions')}
        columns={[
          { label: t('signals.region.version') },
          { label: t('signals.region.since') },
          { label: t('signals.region.days'), numeric: true },
          { label: t('signals.region.signals'), numeric: true },
          { label: t('signals.region.complaints'), numeric: true },
          { label: t('signals.region.per30'), numeric: true },
          { label: t('signals.region.average'), numeric: true },
        ]}
      >
        {focus.versions.map((v) => (
          <NumberRow
            key={v.number}
            header={v.number}
            text={[formatDate(v.publishedAt)]}
            numbers={[v.days, v.total, v.complaints, v.complaintsPer30Days, v.averageScore]}
          />
        ))}
      </DataTable>
    </section>
  )
}

/** The latest signals; the manager ticks some and adds them as customer input to a draft. */
function Latest({ data }: { data: Data }) {
  const { t } = useTranslation()
  const { latest, drafts, manages, focus } = data
  const result = useResultFor('use')
  const canUse = manages && drafts.length > 0
  const list = (
    <ul className="space-y-2">
      {latest.map((signal) => (
        <li key={signal.id} className="flex gap-3 rounded border border-stone-300 bg-white p-3">
          {canUse ? (
            <input
              type="checkbox"
              name="signals"
              value={signal.id}
              aria-label={t('signals.region.select', { said: signal.said.slice(0, 80) })}
              className="mt-1 h-5 w-5 shrink-0"
            />
          ) : null}
          <div>
            <SignalLine signal={signal} />
            {signal.usedAt ? <span className="text-sm text-stone-700">{t('signals.used')}</span> : null}
          </div>
        </li>
      ))}
    </ul>
  )
  return (
    <section aria-labelledby="latest" className="mb-8">
      <h2 id="latest" className="mb-2 text-lg font-semibold">
        {focus ? t('signals.region.latestFor', { title: focus.title }) : t('signals.region.latest')}
      </h2>
      {!latest.length ? (
        <p>{t('signals.region.empty')}</p>
      ) : canUse ? (
        <Form method="post">
          <FieldErrors id="signals-error" errors={result?.error?.signals ?? undefined} />
          {list}
          <div className="mt-3 flex flex-wrap items-end gap-2 rounded border border-stone-300 bg-white p-3">
            <div>
              <label htmlFor="use-guideline" className="block text-sm font-medium">
                {t('signals.region.useInto')}
              </label>
              <select
                id="use-guideline"
                name="guideline"
                required
                aria-invalid={result?.error?.guideline ? true : undefined}
                aria-describedby={result?.error?.guideline ? 'use-guideline-error' : undefined}
                className="min-h-10 max-w-full rounded border border-stone-400 bg-white px-2"
              >
                {drafts.map((draft) => (
                  <option key={draft.id} value={draft.id}>
                    {draft.title} ({t(`status.${draft.status}`)})
                  </option>
                ))}
              </select>
              <FieldErrors id="use-guideline-error" errors={result?.error?.guideline ?? undefined} />
            </div>
            <Button name="intent" value="use">
              {t('signals.region.useSubmit')}
            </Button>
          </div>
        </Form>
      ) : (
        <>
          {list}
          {manages ? <p className="mt-2 text-sm text-stone-700">{t('signals.region.noDraft')}</p> : null}
        </>
      )}
    </section>
  )
}

function ThresholdForm({ threshold }: { threshold: number }) {
  const { t } = useTranslation()
  const result = useResultFor('threshold')
  return (
    <section aria-labelledby="threshold" className="mb-8 max-w-xl rounded border border-stone-300 bg-white p-4">
      <h2 id="threshold" className="mb-2 text-lg font-semibold">
        {t('signals.region.threshold')}
      </h2>
      <Form method="post">
        <Field
          label={t('signals.region.threshold')}
          hint={t('signals.region.thresholdHint')}
          errors={result?.error?.threshold ?? undefined}
          inputProps={{
            id: 'threshold-value',
            name: 'threshold',
            type: 'number',
            min: 1,
            max: 1000,
            required: true,
            defaultValue: threshold,
            className: 'w-24',
          }}
        />
        <Button name="intent" value="threshold">
          {t('signals.region.thresholdSave')}
        </Button>
      </Form>
    </section>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
