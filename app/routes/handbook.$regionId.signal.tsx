import type { SubmissionResult } from '@conform-to/react'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { HandbookPageTop } from '~/components/handbook/page-top.tsx'
import { SignalLine } from '~/components/signals/signal-line.tsx'
import { requireRegionOf } from '~/models/region.server.ts'
import { listMySignals, recordSignal, signalTargets } from '~/models/signal.server.ts'
import { SIGNAL_CHANNELS, SIGNAL_KINDS, SIGNAL_MAX, SIGNAL_MIN, SignalSchema } from '~/validation/schemas.ts'
import { dispatch } from '~/web/action.server.ts'
import { signedIn } from '~/web/route.server.ts'
import { forServerRenderOnly } from '~/web/plain-html.server.ts'
import { loadAsDocument } from '~/frontline/load-as-document.ts'
import type { RouteHandle } from '~/root.tsx'

/** Plain HTML, one form: a customer signal logged in a few taps on a phone, no JavaScript needed. */
export const handle: RouteHandle = { hydrate: false }
export const clientLoader = loadAsDocument

export const loader = signedIn(async ({ request, user, ability, params }) => {
  const region = await requireRegionOf(ability, user.memberships, params.regionId ?? '')
  const about = new URL(request.url).searchParams.get('about') ?? 'none'
  const [targets, mine] = await Promise.all([
    signalTargets(ability, user.id, region.id),
    listMySignals(ability, user.id, region.id),
  ])
  return forServerRenderOnly({ region, targets, mine, about })
})

export const action = signedIn(async ({ request, user, ability, params }) => {
  const region = await requireRegionOf(ability, user.memberships, params.regionId ?? '')
  return dispatch(request, SignalSchema, async (signal) => {
    await recordSignal(ability, user.id, region.id, signal)
    return { flash: 'signals.recorded', to: `/handbook/${region.id}/signal` }
  })
})

const tile =
  'flex min-h-12 cursor-pointer items-center justify-center rounded border border-stone-400 bg-white px-2 text-center font-medium has-[:checked]:border-brand-800 has-[:checked]:bg-brand-800 has-[:checked]:text-white has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-800'

export default function SignalPage() {
  const { t } = useTranslation()
  const { region, targets, mine, about } = useLoaderData<typeof loader>()
  const result = useActionData<{ result?: SubmissionResult<string[]> }>()?.result
  const sent = (result?.initialValue ?? {}) as Record<string, string | undefined>
  const error = (field: string) => result?.error?.[field]?.[0]
  const chosen = (field: string, fallback: string) => (result ? (sent[field] ?? '') : fallback)
  return (
    <article>
      <HandbookPageTop region={region} />
      <h1 className="mb-1 text-2xl font-bold tracking-tight">{t('signals.record.title')}</h1>
      <p className="mb-4 text-sm text-stone-700">{t('signals.record.intro')}</p>
      <Form method="post" className="space-y-5" data-refuse-offline="">
        <ChoiceGroup
          legend={t('signals.record.kind')}
          name="kind"
          values={SIGNAL_KINDS}
          label={(kind) => t(`signals.kinds.${kind}`)}
          checked={chosen('kind', '')}
          error={error('kind')}
          columns="grid-cols-2"
          tile={tile}
        />
        <div>
          <label htmlFor="said" className="mb-1 block font-semibold">
            {t('signals.record.said')}
          </label>
          <p id="said-hint" className="mb-1 text-sm text-stone-700">
            {t('signals.record.saidHint')}
          </p>
          <textarea
            id="said"
            name="said"
            rows={3}
            required
            minLength={SIGNAL_MIN}
            maxLength={SIGNAL_MAX}
            defaultValue={result ? (sent.said ?? '') : ''}
            aria-invalid={error('said') ? true : undefined}
            aria-describedby={error('said') ? 'said-hint said-error' : 'said-hint'}
            className="block w-full rounded border border-stone-400 px-3 py-2 text-lg"
          />
          {error('said') ? (
            <p id="said-error" role="alert" className="mt-1 font-medium text-red-800">
              {t(error('said')!)}
            </p>
          ) : null}
        </div>
        <ChoiceGroup
          legend={t('signals.record.channel')}
          name="channel"
          values={SIGNAL_CHANNELS}
          label={(channel) => t(`signals.channels.${channel}`)}
          checked={chosen('channel', 'counter')}
          error={error('channel')}
          columns="grid-cols-3 sm:grid-cols-5"
          tile={tile}
        />
        <div>
          <label htmlFor="about" className="mb-1 block font-semibold">
            {t('signals.record.about')}
          </label>
          <select
            id="about"
            name="about"
            defaultValue={chosen('about', about)}
            aria-invalid={error('about') ? true : undefined}
            aria-describedby={error('about') ? 'about-error' : undefined}
            className="block min-h-12 w-full rounded border border-stone-400 bg-white px-3"
          >
            <option value="none">{t('signals.record.aboutNone')}</option>
            <option value="noRule">{t('signals.noRule')}</option>
            {targets.guidelines.map((group) => (
              <optgroup key={group.principle} label={group.principle}>
                {group.guidelines.map((g) => (
                  <option key={g.id} value={`g:${g.id}`}>
                    {g.title}
                  </option>
                ))}
              </optgroup>
            ))}
            {targets.asWritten.length ? (
              <optgroup label={t('signals.record.asWritten')}>
                {targets.asWritten.map((p) => (
                  <option key={p.id} value={`p:${p.id}`}>
                    {p.title}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </select>
          {error('about') ? (
            <p id="about-error" role="alert" className="mt-1 font-medium text-red-800">
              {t(error('about')!)}
            </p>
          ) : null}
        </div>
        <ChoiceGroup
          legend={t('signals.record.score')}
          name="score"
          values={['1', '2', '3', '4', '5', '']}
          label={(score) => score || t('signals.record.noScore')}
          checked={chosen('score', '')}
          error={error('score')}
          columns="grid-cols-6"
          tile={tile}
        />
        <button type="submit" className="min-h-12 w-full rounded bg-brand-800 px-4 text-lg font-medium text-white">
          {t('signals.record.submit')}
        </button>
      </Form>
      {mine.length ? (
        <section aria-labelledby="my-signals" className="mt-8">
          <h2 id="my-signals" className="mb-1 text-lg font-semibold">
            {t('signals.record.mine')}
          </h2>
          <ul className="space-y-2">
            {mine.map((signal) => (
              <li key={signal.id} className="rounded border border-stone-300 bg-white p-3">
                <SignalLine signal={signal} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  )
}

/** Radio buttons as big tiles (a fieldset with its legend), the error beside them. */
function ChoiceGroup({
  legend,
  name,
  values,
  label,
  checked,
  error,
  columns,
  tile,
}: {
  legend: string
  name: string
  values: readonly string[]
  label: (value: string) => string
  checked: string
  error?: string
  columns: string
  tile: string
}) {
  const { t } = useTranslation()
  return (
    <fieldset aria-describedby={error ? `${name}-error` : undefined}>
      <legend className="mb-1 font-semibold">{legend}</legend>
      <div className={`grid gap-2 ${columns}`}>
        {values.map((value) => (
          <label key={value} className={tile}>
            <input
              type="radio"
              name={name}
              value={value}
              defaultChecked={checked === value}
              required={name === 'kind' || name === 'channel' ? true : undefined}
              className="sr-only"
            />
            {label(value)}
          </label>
        ))}
      </div>
      {error ? (
        <p id={`${name}-error`} role="alert" className="mt-1 font-medium text-red-800">
          {t(error)}
        </p>
      ) : null}
    </fieldset>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
