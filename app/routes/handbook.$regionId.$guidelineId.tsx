import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { useResultFor } from '~/components/action-form.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { HandbookPageTop } from '~/components/handbook/page-top.tsx'
import { MessageField } from '~/components/handbook/message-field.tsx'
import { OwnFeedbackList } from '~/components/feedback-answer.tsx'
import { RichText } from '~/components/rich-text.tsx'
import { hasRoom, roomOf } from '~/editor/frame.ts'
import { renderVersionHtml } from '~/editor/render.server.ts'
import { listMyFeedback, sendFeedback } from '~/models/feedback.server.ts'
import { acknowledge, getHandbookGuideline } from '~/models/handbook.server.ts'
import { requireRegionOf } from '~/models/region.server.ts'
import { useDateFormat } from '~/utils/dates.ts'
import { AcknowledgeSchema, FeedbackSchema } from '~/validation/schemas.ts'
import { dispatch, intent } from '~/web/action.server.ts'
import { signedIn } from '~/web/route.server.ts'
import { forServerRenderOnly, keepForReader } from '~/web/plain-html.server.ts'
import { loadAsDocument } from '~/frontline/load-as-document.ts'
import type { RouteHandle } from '~/root.tsx'

/** Plain HTML and forms with one small script (app/frontline/enhance.ts): no React on the phone. */
export const handle: RouteHandle = { hydrate: false }
export const clientLoader = loadAsDocument

/** A guideline as frontline reads it: the rule, the principle behind it ("waarom"), read and understood. */
export const loader = signedIn(async ({ user, ability, params }) => {
  const region = await requireRegionOf(ability, user.memberships, params.regionId ?? '')
  const guidelineId = params.guidelineId ?? ''
  const [{ version, principle, underReview, acknowledgedAt }, feedback] = await Promise.all([
    getHandbookGuideline(ability, user.id, region.id, guidelineId),
    listMyFeedback(ability, user.id, guidelineId),
  ])
  keepForReader(user, region.id, acknowledgedAt ? [] : [version.confirmBy])
  return forServerRenderOnly({
    feedback,
    region,
    guideline: {
      id: guidelineId,
      number: version.number,
      title: version.title,
      html: renderVersionHtml(version.id, version.body),
      changedAt: version.publishedAt,
      // A minor correction keeps earlier confirmations; readers see when it was corrected.
      correctedAt: version.material ? null : version.publishedAt,
      confirmBy: version.confirmBy,
    },
    principle: principle && {
      title: principle.title,
      number: principle.number,
      html: renderVersionHtml(principle.id, principle.body),
      // What the principle leaves to the region: what frontline may decide within this rule.
      roomHtml: hasRoom(principle.body) ? renderVersionHtml(`${principle.id}#room`, roomOf(principle.body)) : null,
    },
    underReview,
    acknowledgedAt,
  })
})

const ReaderIntents = z.discriminatedUnion('intent', [
  intent('acknowledge', AcknowledgeSchema),
  intent('feedback', FeedbackSchema),
])

export const action = signedIn(async ({ request, user, ability, params }) => {
  const region = await requireRegionOf(ability, user.memberships, params.regionId ?? '')
  const guidelineId = params.guidelineId ?? ''
  return dispatch(request, ReaderIntents, {
    feedback: async ({ body }) => {
      await sendFeedback(ability, user.id, region.id, guidelineId, body)
      return { flash: 'feedback.sent' }
    },
    acknowledge: async ({ version }) => {
      const result = await acknowledge(ability, user.id, region.id, guidelineId, version)
      return result.stale
        ? { flash: 'handbook.changedMeanwhile', kind: 'error' as const }
        : { flash: 'handbook.acknowledged' }
    },
  })
})

export default function HandbookGuidelinePage() {
  const { t } = useTranslation()
  const formatDate = useDateFormat('date')
  const { region, guideline, principle, underReview, acknowledgedAt, feedback } = useLoaderData<typeof loader>()
  const feedbackResult = useResultFor('feedback')
  const feedbackError = feedbackResult?.error?.body?.[0]
  return (
    <article>
      <HandbookPageTop region={region} />
      <h1 className="mb-1 text-2xl font-bold tracking-tight">{guideline.title}</h1>
      <p className="mb-4 text-sm text-stone-700">
        <span className="hidden print:inline">{region.name} · </span>
        {t('handbook.changedOn', { date: formatDate(guideline.changedAt), version: guideline.number })}
      </p>
      {underReview ? (
        <p className="mb-4 rounded border-l-4 border-stone-500 bg-stone-100 px-3 py-2 text-stone-900">
          {t('handbook.underReview')}
        </p>
      ) : null}
      {guideline.correctedAt ? (
        <p className="mb-4 text-sm text-stone-700">
          {t('handbook.correctedOn', { date: formatDate(guideline.correctedAt) })}
        </p>
      ) : null}
      {!acknowledgedAt && guideline.confirmBy ? (
        <p className="mb-4 rounded border-l-4 border-brand-700 bg-brand-50 px-3 py-2 font-medium">
          {t(new Date(guideline.confirmBy).getTime() < Date.now() ? 'handbook.overdue' : 'handbook.confirmBy', {
            date: formatDate(guideline.confirmBy),
          })}
        </p>
      ) : null}
      <RichText html={guideline.html} />
      {principle?.roomHtml ? (
        <section aria-labelledby="room" className="mt-6 rounded border-l-4 border-green-700 bg-green-50 p-4">
          <h2 id="room" className="mb-1 text-lg font-semibold">
            {t('handbook.room')}
          </h2>
          <p className="mb-2 text-sm text-stone-700">{t('handbook.roomIntro')}</p>
          <RichText html={principle.roomHtml} />
        </section>
      ) : null}
      {principle ? (
        <section aria-labelledby="why" className="mt-6 rounded border-l-4 border-brand-700 bg-white p-4">
          <h2 id="why" className="mb-1 text-lg font-semibold">
            {t('handbook.why')}
          </h2>
          <p className="mb-2 font-medium">
            {principle.title}
            {underReview ? (
              <span className="ml-1 text-sm font-normal text-stone-700">
                {t('handbook.principleVersionOf', { version: principle.number })}
              </span>
            ) : null}
          </p>
          <RichText html={principle.html} className="text-stone-800" />
        </section>
      ) : null}
      <div className="mt-6 print:hidden">
        {acknowledgedAt ? (
          <p className="rounded border border-green-800 bg-green-50 px-3 py-2 text-green-900">
            ✓ {t('handbook.acknowledgedOn', { date: formatDate(acknowledgedAt) })}
          </p>
        ) : (
          <Form method="post" data-refuse-offline="">
            <input type="hidden" name="version" value={guideline.number} />
            <button
              name="intent"
              value="acknowledge"
              className="min-h-12 w-full rounded bg-brand-800 px-4 text-lg font-medium text-white sm:w-auto"
            >
              {t('handbook.acknowledge')}
            </button>
          </Form>
        )}
      </div>
      <p className="mt-4 print:hidden">
        <a
          href={`/handbook/${region.id}/signal?about=g:${guideline.id}`}
          className="inline-flex min-h-12 items-center font-medium text-brand-800 underline"
        >
          {t('signals.link')}
        </a>
      </p>
      <section aria-labelledby="feedback-title" className="mt-8 print:hidden">
        <h2 id="feedback-title" className="mb-1 text-lg font-semibold">
          {t('feedback.title')}
        </h2>
        <Form method="post" className="rounded border border-stone-300 bg-white p-3" data-refuse-offline="">
          <MessageField
            id="feedback-body"
            name="body"
            label={t('feedback.explain')}
            rows={3}
            defaultValue={feedbackError ? String(feedbackResult?.initialValue?.body ?? '') : ''}
            error={feedbackError}
          />
          <button
            name="intent"
            value="feedback"
            className="mt-2 min-h-11 rounded border border-brand-800 px-4 font-medium text-brand-800"
          >
            {t('feedback.send')}
          </button>
        </Form>
        {feedback.length ? <OwnFeedbackList items={feedback} className="mt-3 space-y-2" /> : null}
      </section>
    </article>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
