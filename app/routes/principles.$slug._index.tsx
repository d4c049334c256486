import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { ConsultationSection } from '~/components/principles/consultation.tsx'
import { LifecyclePanel } from '~/components/principles/lifecycle-panel.tsx'
import { StatusBadge } from '~/components/principles/status-badge.tsx'
import type { Thread } from '~/components/comments.tsx'
import { PublishForm, PublishedSection, WorkingCopySection } from '~/components/document-sections.tsx'
import { FieldErrors, PageTitle } from '~/components/ui/form.tsx'
import { renderDocumentHtml } from '~/editor/render.server.ts'
import { addComment, consultationFor, defaultCommentRegion, resolveComment } from '~/models/comment.server.ts'
import { listFeedbackForPrinciple } from '~/models/feedback.server.ts'
import {
  archivePrinciple,
  closeConsultation,
  openConsultation,
  principleActions,
  publishPrinciple,
  requirePrinciple,
  restorePrinciple,
} from '~/models/principle.server.ts'
import { endOfDayInOrganisation, useDateFormat } from '~/utils/dates.ts'
import {
  CommentIdSchema,
  CommentSchema,
  ConsultationSchema,
  PrinciplePublishSchema,
  OpenPanelSchema,
  StartFromExampleSchema,
} from '~/validation/schemas.ts'
import { listRounds, mayOpenRound, openRound } from '~/models/customer-panel.server.ts'
import { CustomerPanelSection } from '~/components/customer-panel.tsx'
import { listExamples, regionsToStartIn, startFromExample } from '~/models/examples.server.ts'
import { ExamplesSection } from '~/components/principles/examples.tsx'
import { dispatch, intent } from '~/web/action.server.ts'
import { signedIn } from '~/web/route.server.ts'

export const loader = signedIn(async ({ user, ability, params }) => {
  const { principle, published, seesDraft } = await requirePrinciple(ability, params.slug ?? '')
  const inProgress = principle.status === 'draft' || principle.status === 'consultation'
  const showsComments = seesDraft && inProgress
  const [consultation, signals, examples, rounds] = await Promise.all([
    showsComments ? consultationFor(ability, user, principle) : null,
    // Frontline feedback passed on as input for this principle (whatever the ability lets this reader see).
    listFeedbackForPrinciple(ability, principle.id),
    // Other regions' shared guidelines under it (managers, members and HQ; never frontline).
    listExamples(ability, principle.id),
    seesDraft ? listRounds(ability, { principleId: principle.id }) : [],
  ])
  return {
    examples,
    rounds,
    mayOpenRound: mayOpenRound(ability, { status: principle.status, principleId: principle.id }),
    exampleRegions: examples.length ? regionsToStartIn(ability, user.memberships) : [],
    signals: signals.map((f) => ({
      id: f.id,
      body: f.body,
      region: f.guideline.region.name,
      guideline: f.guideline.title,
      passedToHqAt: f.passedToHqAt,
    })),
    principle: {
      id: principle.id,
      slug: principle.slug,
      status: principle.status,
      revision: principle.revision,
      publishedVersion: principle.publishedVersion,
      consultationEndsAt: principle.consultationEndsAt,
    },
    may: principleActions(ability, principle),
    published: published && {
      number: published.number,
      title: published.title,
      html: renderDocumentHtml(published.body),
      changeNote: published.changeNote,
      publishedAt: published.publishedAt,
      publishedBy: published.publishedBy.name,
    },
    // The working copy only for those who may read it (HQ, or everyone during consultation).
    working: showsComments
      ? {
          title: principle.title,
          html: renderDocumentHtml(principle.body),
          updatedAt: principle.updatedAt,
          updatedBy: principle.updatedBy.name,
        }
      : null,
    consultation,
  }
})

const PrincipleIntents = z.discriminatedUnion('intent', [
  intent('comment', CommentSchema),
  intent('resolve-comment', CommentIdSchema),
  intent('open-consultation', ConsultationSchema),
  intent('close-consultation'),
  intent('publish', PrinciplePublishSchema),
  intent('archive'),
  intent('restore'),
  intent('start-from-example', StartFromExampleSchema),
  intent('open-panel', OpenPanelSchema),
])

export const action = signedIn(async ({ request, user, ability, params }) => {
  const { principle } = await requirePrinciple(ability, params.slug ?? '')
  const step = (run: typeof archivePrinciple, flash: string) => async () => {
    await run(ability, user.id, principle.id)
    return { flash }
  }
  return dispatch(
    request,
    PrincipleIntents,
    {
      comment: async ({ body, parentId, regionId }) => {
        // Speaking for a region the user is no manager/member of is refused by the ability (403).
        const comment = await addComment(ability, user.id, principle, {
          body,
          parentId,
          regionId: defaultCommentRegion(ability, user, regionId),
        })
        return { flash: 'comments.added', to: `/principles/${principle.slug}#comment-${comment.id}` }
      },
      'resolve-comment': async ({ commentId }) => {
        await resolveComment(ability, user.id, principle.id, commentId)
        return { flash: 'comments.resolved' }
      },
      'open-consultation': async ({ endsAt }) => {
        await openConsultation(ability, user.id, principle.id, endOfDayInOrganisation(endsAt))
        return { flash: 'principles.consultationOpened' }
      },
      publish: async ({ changeNote, revision, withOpenComments }) => {
        const version = await publishPrinciple(ability, user.id, principle.id, {
          changeNote,
          baseRevision: revision,
          withOpenComments,
        })
        return { flash: 'principles.published', values: { version: String(version.number) } }
      },
      'close-consultation': step(closeConsultation, 'principles.done.close-consultation'),
      archive: step(archivePrinciple, 'principles.done.archive'),
      restore: step(restorePrinciple, 'principles.done.restore'),
      'open-panel': async ({ question1, question2, closesOn }) => {
        const round = await openRound(
          ability,
          user.id,
          { principleId: principle.id },
          {
            question1,
            question2,
            closesAt: endOfDayInOrganisation(closesOn),
          },
        )
        return { flash: 'panel.done.open', to: `/panels/${round.id}` }
      },
      'start-from-example': async ({ exampleId, regionId }) => {
        const draft = await startFromExample(ability, user.id, exampleId, regionId)
        return { flash: 'examples.done.copy', to: `/guidelines/${draft.id}/edit` }
      },
    },
    { redirectTo: `/principles/${principle.slug}` },
  )
})

export default function PrinciplePage() {
  const { t } = useTranslation()
  const formatDate = useDateFormat('date')
  const { principle, may, published, working, consultation, signals, examples, exampleRegions, rounds, mayOpenRound } =
    useLoaderData<typeof loader>()
  const heading = published?.title ?? working?.title ?? ''
  return (
    <article>
      <p className="mb-2 text-sm">
        <Link to="/principles" className="text-brand-800 underline">
          ← {t('principles.title')}
        </Link>
      </p>
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <StatusBadge status={principle.status} />
        {published ? (
          <span className="text-sm text-stone-700">
            {t('principles.versionLine', {
              version: published.number,
              date: formatDate(published.publishedAt),
              name: published.publishedBy,
            })}
          </span>
        ) : null}
      </div>
      <PageTitle>{heading}</PageTitle>
      {published && published.number > 1 ? (
        <p className="mb-4 text-sm text-stone-700">
          <strong>{t('principles.latestChange')}</strong> {published.changeNote}{' '}
          <Link to={`compare?from=${published.number - 1}&to=${published.number}`} className="text-brand-800 underline">
            {t('versions.seeChangesFromPrevious')}
          </Link>
        </p>
      ) : null}
      <LifecyclePanel principle={principle} may={may} />
      {published ? <PublishedSection published={published} historyTo="versions" /> : null}
      {working ? (
        <WorkingCopySection
          working={working}
          heading={
            principle.status === 'consultation'
              ? t('principles.consultationText', {
                  version: principle.publishedVersion + 1,
                  date: formatDate(principle.consultationEndsAt ?? ''),
                })
              : t('principles.workingCopy', { version: principle.publishedVersion + 1 })
          }
        >
          {published ? (
            <p className="mb-2 text-sm">
              <Link to={`compare?from=${published.number}&to=draft`} className="text-brand-800 underline">
                {t('principles.compareWithPublished', { version: published.number })}
              </Link>
            </p>
          ) : null}
        </WorkingCopySection>
      ) : null}
      {consultation ? <ConsultationSection consultation={consultation} status={principle.status} /> : null}
      {/* Publishing comes after the comments it answers. */}
      {principle.status === 'consultation' && may.publish ? (
        <PublishPrincipleForm principle={principle} openComments={openComments(consultation?.threads ?? [])} />
      ) : null}
      <CustomerPanelSection rounds={rounds} canOpen={mayOpenRound} />
      <ExamplesSection examples={examples} regions={exampleRegions} />
      {signals.length ? (
        <section aria-labelledby="signals" className="mt-8">
          <h2 id="signals" className="mb-2 text-lg font-semibold">
            {t('feedback.signals', { count: signals.length })}
          </h2>
          <ul className="space-y-2">
            {signals.map((signal) => (
              <li key={signal.id} className="rounded border border-stone-300 bg-white p-3 text-sm">
                <p className="text-stone-700">
                  {signal.region} · {signal.guideline}
                </p>
                <p className="whitespace-pre-line">{signal.body}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  )
}

export const ErrorBoundary = GeneralErrorBoundary

/** How many comments and replies nobody has resolved yet. */
function openComments(threads: Thread[]) {
  return threads.reduce(
    (open, thread) => open + [thread, ...thread.replies].filter((comment) => !comment.resolvedAt).length,
    0,
  )
}

function PublishPrincipleForm({
  principle,
  openComments,
}: {
  principle: { publishedVersion: number; revision: number }
  openComments: number
}) {
  const { t } = useTranslation()
  return (
    <PublishForm
      nextVersion={principle.publishedVersion + 1}
      revision={principle.revision}
      schema={PrinciplePublishSchema}
      extra={(fields) =>
        openComments ? (
          <div className="mb-3 rounded border-l-4 border-amber-600 bg-amber-50 p-3">
            <p className="mb-2">{t('principles.openCommentsWarning', { count: openComments })}</p>
            <label className="flex items-start gap-2">
              <input
                type="checkbox"
                name="withOpenComments"
                className="mt-1.5 h-4 w-4"
                aria-invalid={fields.withOpenComments?.errors ? true : undefined}
                aria-describedby={fields.withOpenComments?.errors ? 'withOpenComments-error' : undefined}
              />
              <span>{t('principles.publishWithOpenComments', { count: openComments })}</span>
            </label>
            <FieldErrors id="withOpenComments-error" errors={fields.withOpenComments?.errors} />
          </div>
        ) : null
      }
    />
  )
}
