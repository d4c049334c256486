import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CommentForm, CommentThreads } from '~/components/comments.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { CustomerInputSection } from '~/components/guidelines/customer-input.tsx'
import { ReviewFlowPanel } from '~/components/guidelines/review-flow-panel.tsx'
import { StatusBadge } from '~/components/principles/status-badge.tsx'
import { PublishedSection, WorkingCopySection } from '~/components/document-sections.tsx'
import { PageTitle } from '~/components/ui/form.tsx'
import { renderDocumentHtml } from '~/editor/render.server.ts'
import { archiveGuideline, isOverdue, needsReview, publishGuideline, requireGuideline, sendBack, submitForReview } from '~/models/guideline.server.ts'
import { addCustomerInput, addGuidelineComment, listCustomerInput, listGuidelineThreads, resolveGuidelineComment } from '~/models/guideline-team.server.ts'
import { can } from '~/permissions/authorize.server.ts'
import { requireAbility } from '~/permissions/require-ability.server.ts'
import { endOfDayInOrganisation, startOfDayInOrganisation, useDateFormat } from '~/utils/dates.ts'
import { redirectWithFlash } from '~/utils/flash.server.ts'
import { domainErrorReply, getIntent, invalidSubmission } from '~/utils/forms.server.ts'
import { CommentIdSchema, CommentSchema, CustomerInputSchema, GuidelinePublishSchema, SendBackSchema } from '~/validation/schemas.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ability } = await requireAbility(request)
  const { guideline, published, seesDraft } = await requireGuideline(ability, params.guidelineId ?? '')
  const inProgress = guideline.status === 'draft' || guideline.status === 'review'
  const [threads, customerInput] = seesDraft
    ? await Promise.all([listGuidelineThreads(ability, guideline.id), listCustomerInput(ability, guideline.id)])
    : [[], []]
  const commentRef = { guideline: { regionId: guideline.regionId } }
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
    },
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
    may: {
      edit: can(ability, 'update', 'Guideline', guideline),
      publish: can(ability, 'publish', 'Guideline', guideline),
      archive: can(ability, 'archive', 'Guideline', guideline),
      comment: seesDraft && inProgress && can(ability, 'create', 'GuidelineComment', commentRef),
      resolve: can(ability, 'update', 'GuidelineComment', commentRef),
    },
  }
}

const INTENTS = ['submit', 'send-back', 'publish', 'archive', 'comment', 'resolve-comment', 'add-input']

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, ability } = await requireAbility(request)
  const { guideline } = await requireGuideline(ability, params.guidelineId ?? '')
  const formData = await request.formData()
  const intent = getIntent(formData)
  if (!INTENTS.includes(intent)) throw data({ message: 'unknown intent' }, { status: 400 })
  const done = (key: string) => redirectWithFlash(request, `/guidelines/${guideline.id}`, { kind: 'success', key })

  const schemas = {
    submit: CommentIdSchema.partial(),
    archive: CommentIdSchema.partial(),
    'send-back': SendBackSchema,
    publish: GuidelinePublishSchema,
    comment: CommentSchema,
    'resolve-comment': CommentIdSchema,
    'add-input': CustomerInputSchema,
  } as const
  const submission = parseWithZod(formData, { schema: schemas[intent as keyof typeof schemas] })
  if (submission.status !== 'success') return invalidSubmission(submission)
  const value = submission.value as Record<string, string>
  try {
    if (intent === 'submit') await submitForReview(ability, user.id, guideline.id)
    if (intent === 'archive') await archiveGuideline(ability, user.id, guideline.id)
    if (intent === 'send-back') await sendBack(ability, user.id, guideline.id, value.comment!)
    if (intent === 'publish') {
      await publishGuideline(ability, user.id, guideline.id, {
        changeNote: value.changeNote!,
        reviewBy: endOfDayInOrganisation(value.reviewBy!),
        baseRevision: Number(value.revision),
      })
    }
    if (intent === 'comment') await addGuidelineComment(ability, user.id, guideline, { body: value.body!, parentId: value.parentId })
    if (intent === 'resolve-comment') await resolveGuidelineComment(ability, user.id, guideline, value.commentId!)
    if (intent === 'add-input') {
      await addCustomerInput(ability, user.id, guideline, {
        said: value.said!,
        source: value.source as 'conversation',
        heardOn: startOfDayInOrganisation(value.heardOn!),
      })
    }
  } catch (error) {
    return domainErrorReply(submission, error)
  }
  return done(`guidelines.done.${intent}`)
}

export default function GuidelinePage() {
  const { t } = useTranslation()
  const formatDate = useDateFormat('date')
  const { guideline, region, principle, published, working, threads, customerInput, may } = useLoaderData<typeof loader>()
  return (
    <article>
      <p className="mb-2 text-sm">
        <Link to={`/regions/${region.id}/guidelines`} className="text-brand-800 underline">
          ← {t('guidelines.workspace', { region: region.name })}
        </Link>
      </p>
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <StatusBadge status={guideline.status} />
        {guideline.needsReview ? <StatusBadge status="needs_review" /> : null}
        {guideline.overdue ? <StatusBadge status="overdue" /> : null}
        {published ? (
          <span className="text-sm text-stone-700">
            {t('principles.versionLine', { version: published.number, date: formatDate(published.publishedAt), name: published.publishedBy })}
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
      <ReviewFlowPanel guideline={guideline} may={may} />
      {published ? <PublishedSection published={published} historyTo="history" /> : null}
      {working ? (
        <WorkingCopySection
          working={working}
          heading={t(guideline.status === 'review' ? 'guidelines.inReview' : 'guidelines.draftFor', { version: guideline.publishedVersion + 1 })}
        />
      ) : null}
      {working || customerInput.length ? <CustomerInputSection inputs={customerInput} canAdd={may.edit && Boolean(working)} /> : null}
      {working ? (
        <section aria-labelledby="team-comments" className="mt-8">
          <h2 id="team-comments" className="mb-2 text-lg font-semibold">
            {t('guidelines.comments')}
          </h2>
          <CommentThreads threads={threads} canComment={may.comment} canResolve={may.resolve} />
          {may.comment ? <CommentForm /> : null}
        </section>
      ) : null}
    </article>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
