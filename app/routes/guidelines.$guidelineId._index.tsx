import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { CommentForm, CommentThreads } from '~/components/comments.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { CustomerInputSection } from '~/components/guidelines/customer-input.tsx'
import { ReviewFlowPanel } from '~/components/guidelines/review-flow-panel.tsx'
import { ExampleAttribution, ShareAndPropose } from '~/components/guidelines/share-and-propose.tsx'
import { exampleSource, setShared } from '~/models/examples.server.ts'
import { listRounds, mayOpenRound, openRound } from '~/models/customer-panel.server.ts'
import { CustomerPanelSection } from '~/components/customer-panel.tsx'
import { listGuidelineProposals, proposeToHq } from '~/models/proposals.server.ts'
import { StatusBadge } from '~/components/principles/status-badge.tsx'
import { PublishedSection, WorkingCopySection } from '~/components/document-sections.tsx'
import { PageTitle, BackLink } from '~/components/ui/form.tsx'
import { renderDocumentHtml } from '~/editor/render.server.ts'
import { addGuidelineComment, listGuidelineThreads, resolveGuidelineComment } from '~/models/comment.server.ts'
import { addCustomerInput, listCustomerInput } from '~/models/customer-input.server.ts'
import {
  archiveGuideline,
  defaultConfirmBy,
  guidelineActions,
  isOverdue,
  needsReview,
  publishGuideline,
  requireGuideline,
  sendBack,
  submitForReview,
} from '~/models/guideline.server.ts'
import { endOfDayInOrganisation, startOfDayInOrganisation, useDateFormat } from '~/utils/dates.ts'
import {
  CommentIdSchema,
  CommentSchema,
  CustomerInputSchema,
  GuidelinePublishSchema,
  OpenPanelSchema,
  ProposalSchema,
  SendBackSchema,
} from '~/validation/schemas.ts'
import { dispatch, intent } from '~/web/action.server.ts'
import { signedIn } from '~/web/route.server.ts'

export const loader = signedIn(async ({ ability, params }) => {
  const { guideline, published, seesDraft } = await requireGuideline(ability, params.guidelineId ?? '')
  const inProgress = guideline.status === 'draft' || guideline.status === 'review'
  const [[threads, customerInput], source, proposals, rounds] = await Promise.all([
    seesDraft
      ? Promise.all([listGuidelineThreads(ability, guideline.id), listCustomerInput(ability, guideline.id)])
      : Promise.resolve([[], []] as [
          Awaited<ReturnType<typeof listGuidelineThreads>>,
          Awaited<ReturnType<typeof listCustomerInput>>,
        ]),
    exampleSource(ability, guideline),
    listGuidelineProposals(ability, guideline.id),
    listRounds(ability, { guidelineId: guideline.id }),
  ])
  return {
    guideline: {
      id: guideline.id,
      status: guideline.status,
      revision: guideline.revision,
      publishedVersion: guideline.publishedVersion,
      reviewBy: guideline.reviewBy,
      basedOnPrincipleVersion: guideline.basedOnPrincipleVersion,
      confirmedAt: guideline.confirmedAt,
      confirmationNote: guideline.confirmationNote,
      needsReview: needsReview(guideline, guideline.principle.publishedVersion),
      overdue: isOverdue(guideline),
      shared: guideline.sharedAt !== null,
    },
    source,
    proposals,
    rounds,
    mayOpenRound: mayOpenRound(ability, {
      status: guideline.status,
      guidelineId: guideline.id,
      regionId: guideline.regionId,
    }),
    region: guideline.region,
    principle: { slug: guideline.principle.slug, version: guideline.principle.publishedVersion },
    published: published && {
      number: published.number,
      title: published.title,
      html: renderDocumentHtml(published.body),
      publishedAt: published.publishedAt,
      publishedBy: published.publishedBy.name,
    },
    working: seesDraft && inProgress ? { title: guideline.title, html: renderDocumentHtml(guideline.body) } : null,
    threads,
    customerInput,
    may: guidelineActions(ability, guideline),
  }
})

const GuidelineIntents = z.discriminatedUnion('intent', [
  intent('submit'),
  intent('send-back', SendBackSchema),
  intent('publish', GuidelinePublishSchema),
  intent('archive'),
  intent('comment', CommentSchema),
  intent('resolve-comment', CommentIdSchema),
  intent('add-input', CustomerInputSchema),
  intent('share'),
  intent('unshare'),
  intent('propose', ProposalSchema),
  intent('open-panel', OpenPanelSchema),
])

export const action = signedIn(async ({ request, user, ability, params }) => {
  const { guideline } = await requireGuideline(ability, params.guidelineId ?? '')
  const done = (intent: string) => ({ flash: `guidelines.done.${intent}` })
  return dispatch(
    request,
    GuidelineIntents,
    {
      submit: async () => (await submitForReview(ability, user.id, guideline.id), done('submit')),
      archive: async () => (await archiveGuideline(ability, user.id, guideline.id), done('archive')),
      'send-back': async ({ comment }) => (await sendBack(ability, user.id, guideline.id, comment), done('send-back')),
      publish: async ({ changeNote, reviewBy, revision, change, confirmBy }) => {
        await publishGuideline(ability, user.id, guideline.id, {
          changeNote,
          reviewBy: endOfDayInOrganisation(reviewBy),
          baseRevision: revision,
          campaign:
            change === 'minor'
              ? { material: false }
              : { material: true, confirmBy: confirmBy ? endOfDayInOrganisation(confirmBy) : defaultConfirmBy() },
        })
        return done('publish')
      },
      comment: async ({ body, parentId }) => {
        const comment = await addGuidelineComment(ability, user.id, guideline, { body, parentId })
        // Back on the page, focus goes to the new comment (app/components/app-shell.tsx).
        return { ...done('comment'), to: `/guidelines/${guideline.id}#comment-${comment.id}` }
      },
      'resolve-comment': async ({ commentId }) => (
        await resolveGuidelineComment(ability, user.id, guideline, commentId),
        done('resolve-comment')
      ),
      share: async () => (await setShared(ability, user.id, guideline.id, true), { flash: 'examples.done.share' }),
      unshare: async () => (await setShared(ability, user.id, guideline.id, false), { flash: 'examples.done.unshare' }),
      'open-panel': async ({ question1, question2, closesOn }) => {
        const round = await openRound(
          ability,
          user.id,
          { guidelineId: guideline.id },
          {
            question1,
            question2,
            closesAt: endOfDayInOrganisation(closesOn),
          },
        )
        return { flash: 'panel.done.open', to: `/panels/${round.id}` }
      },
      propose: async ({ kind, note }) => {
        await proposeToHq(ability, user.id, guideline.id, { kind, note })
        return { flash: 'proposals.done.propose' }
      },
      'add-input': async ({ said, source, heardOn }) => {
        const input = await addCustomerInput(ability, user.id, guideline, {
          said,
          source,
          heardOn: startOfDayInOrganisation(heardOn),
        })
        return { ...done('add-input'), to: `/guidelines/${guideline.id}#input-${input.id}` }
      },
    },
    { redirectTo: `/guidelines/${guideline.id}` },
  )
})

export default function GuidelinePage() {
  const { t } = useTranslation()
  const formatDate = useDateFormat('date')
  const {
    guideline,
    region,
    principle,
    published,
    working,
    threads,
    customerInput,
    may,
    source,
    proposals,
    rounds,
    mayOpenRound,
  } = useLoaderData<typeof loader>()
  return (
    <article>
      <BackLink to={`/regions/${region.id}/guidelines`}>{t('guidelines.workspace', { region: region.name })}</BackLink>
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <StatusBadge status={guideline.status} />
        {guideline.needsReview ? <StatusBadge status="needs_review" /> : null}
        {guideline.overdue ? <StatusBadge status="overdue" /> : null}
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
      <PageTitle>{published?.title ?? working?.title}</PageTitle>
      <p className="mb-4 text-sm text-stone-700">
        {t('guidelines.why')}{' '}
        <Link to={`/principles/${principle.slug}`} className="text-brand-800 underline">
          {t('guidelines.principleLink', { version: guideline.basedOnPrincipleVersion })}
        </Link>
        {guideline.reviewBy ? ` · ${t('guidelines.reviewByLine', { date: formatDate(guideline.reviewBy) })}` : null}
      </p>
      {guideline.needsReview && may.publish ? (
        <p className="mb-4 rounded border-l-4 border-amber-700 bg-amber-50 px-4 py-3">
          {t('guidelines.needsReviewNote', { from: guideline.basedOnPrincipleVersion, to: principle.version })}{' '}
          <Link to="review" className="font-medium text-brand-800 underline">
            {t('guidelines.reviewNow')}
          </Link>
        </p>
      ) : null}
      {source ? <ExampleAttribution source={source} /> : null}
      <ReviewFlowPanel guideline={guideline} may={may} />
      {published ? <PublishedSection published={published} historyTo="history" /> : null}
      {working ? (
        <WorkingCopySection
          working={working}
          heading={t(guideline.status === 'review' ? 'guidelines.inReview' : 'guidelines.draftFor', {
            version: guideline.publishedVersion + 1,
          })}
        />
      ) : null}
      {working || customerInput.length ? (
        <CustomerInputSection inputs={customerInput} canAdd={may.edit && Boolean(working)} />
      ) : null}
      {working ? (
        <section aria-labelledby="team-comments" className="mt-8">
          <h2 id="team-comments" className="mb-2 text-lg font-semibold">
            {t('guidelines.comments')}
          </h2>
          <CommentThreads threads={threads} canComment={may.comment} canResolve={may.resolve} />
          {may.comment ? <CommentForm /> : null}
        </section>
      ) : null}
      <CustomerPanelSection rounds={rounds} canOpen={mayOpenRound} />
      <ShareAndPropose shared={guideline.shared} canShare={may.share} canPropose={may.propose} proposals={proposals} />
    </article>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
