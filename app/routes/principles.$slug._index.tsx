import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { ConsultationSection } from '~/components/principles/consultation.tsx'
import { LifecyclePanel } from '~/components/principles/lifecycle-panel.tsx'
import { StatusBadge } from '~/components/principles/status-badge.tsx'
import { PublishedSection, WorkingCopySection } from '~/components/document-sections.tsx'
import { PageTitle } from '~/components/ui/form.tsx'
import { renderDocumentHtml } from '~/editor/render.server.ts'
import {
  addComment,
  commentRegionOptions,
  countCommentsByRegion,
  listCommentThreads,
  resolveComment,
  speaksForHq,
} from '~/models/principle-comment.server.ts'
import {
  archivePrinciple,
  closeConsultation,
  openConsultation,
  publishPrinciple,
  requirePrinciple,
  restorePrinciple,
} from '~/models/principle.server.ts'
import { listFeedbackForPrinciple } from '~/models/feedback.server.ts'
import { can } from '~/permissions/authorize.server.ts'
import { requireAbility } from '~/permissions/require-ability.server.ts'
import { endOfDayInOrganisation, useDateFormat } from '~/utils/dates.ts'
import { redirectWithFlash } from '~/utils/flash.server.ts'
import { domainErrorReply, getIntent, invalidSubmission } from '~/utils/forms.server.ts'
import { CommentIdSchema, CommentSchema, ConsultationSchema, PublishSchema } from '~/validation/schemas.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, ability } = await requireAbility(request)
  const { principle, published, seesDraft } = await requirePrinciple(ability, params.slug ?? '')
  const inProgress = principle.status === 'draft' || principle.status === 'consultation'
  const nextVersion = principle.publishedVersion + 1
  const showsComments = seesDraft && inProgress
  const [threads, regionCounts] = showsComments
    ? await Promise.all([
        listCommentThreads(ability, principle.id, nextVersion),
        can(ability, 'update', 'PrincipleComment', { principleId: principle.id })
          ? countCommentsByRegion(ability, principle.id, nextVersion)
          : null,
      ])
    : [[], null]
  // Frontline feedback passed on as input for this principle (whatever the ability lets this reader see).
  const signals = await listFeedbackForPrinciple(ability, principle.id)
  return {
    signals: signals.map((f) => ({ id: f.id, body: f.body, region: f.guideline.region.name, guideline: f.guideline.title, passedToHqAt: f.passedToHqAt })),
    principle: {
      id: principle.id,
      slug: principle.slug,
      status: principle.status,
      revision: principle.revision,
      publishedVersion: principle.publishedVersion,
      consultationEndsAt: principle.consultationEndsAt,
    },
    published: published && {
      number: published.number,
      title: published.title,
      html: renderDocumentHtml(published.body),
      changeNote: published.changeNote,
      publishedAt: published.publishedAt,
      publishedBy: published.publishedBy.name,
    },
    // The working copy only for those who may read it (HQ, or everyone during consultation).
    working:
      seesDraft && inProgress
        ? { title: principle.title, html: renderDocumentHtml(principle.body), updatedAt: principle.updatedAt, updatedBy: principle.updatedBy.name }
        : null,
    consultation: showsComments
      ? {
          nextVersion,
          threads,
          regionCounts,
          canComment: can(ability, 'comment', 'Principle', principle),
          regions: commentRegionOptions(ability, user).map((m) => ({ id: m.regionId, name: m.region.name })),
          speaksForHq: speaksForHq(ability),
        }
      : null,
  }
}

const INTENTS = ['open-consultation', 'close-consultation', 'publish', 'archive', 'restore', 'comment', 'resolve-comment']

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, ability } = await requireAbility(request)
  const { principle } = await requirePrinciple(ability, params.slug ?? '')
  const formData = await request.formData()
  const intent = getIntent(formData)
  if (!INTENTS.includes(intent)) throw data({ message: 'unknown intent' }, { status: 400 })
  const here = `/principles/${principle.slug}`
  const done = (key: string) => redirectWithFlash(request, here, { kind: 'success', key })

  if (intent === 'comment') {
    const submission = parseWithZod(formData, { schema: CommentSchema })
    if (submission.status !== 'success') return invalidSubmission(submission)
    const { body, parentId } = submission.value
    // Speaking for a region the user is no manager/member of is refused by the ability (403).
    const regionId = submission.value.regionId || (speaksForHq(ability) ? null : (commentRegionOptions(ability, user)[0]?.regionId ?? null))
    try {
      await addComment(ability, user.id, principle, { body, parentId, regionId })
    } catch (error) {
      return domainErrorReply(submission, error)
    }
    return done('comments.added')
  }

  if (intent === 'resolve-comment') {
    const submission = parseWithZod(formData, { schema: CommentIdSchema })
    if (submission.status !== 'success') return invalidSubmission(submission)
    await resolveComment(ability, user.id, principle.id, submission.value.commentId)
    return done('comments.resolved')
  }

  if (intent === 'open-consultation') {
    const submission = parseWithZod(formData, { schema: ConsultationSchema })
    if (submission.status !== 'success') return invalidSubmission(submission)
    try {
      await openConsultation(ability, user.id, principle.id, endOfDayInOrganisation(submission.value.endsAt))
    } catch (error) {
      return domainErrorReply(submission, error)
    }
    return done('principles.consultationOpened')
  }

  if (intent === 'publish') {
    const submission = parseWithZod(formData, { schema: PublishSchema })
    if (submission.status !== 'success') return invalidSubmission(submission)
    try {
      const version = await publishPrinciple(ability, user.id, principle.id, {
        changeNote: submission.value.changeNote,
        baseRevision: submission.value.revision,
      })
      return redirectWithFlash(request, here, { kind: 'success', key: 'principles.published', values: { version: String(version.number) } })
    } catch (error) {
      return domainErrorReply(submission, error)
    }
  }

  const steps = { 'close-consultation': closeConsultation, archive: archivePrinciple, restore: restorePrinciple } as const
  const step = steps[intent as keyof typeof steps]
  const submission = parseWithZod(formData, { schema: CommentIdSchema.partial() })
  try {
    await step(ability, user.id, principle.id)
  } catch (error) {
    return domainErrorReply(submission, error)
  }
  return done(`principles.done.${intent}`)
}

export default function PrinciplePage() {
  const { t } = useTranslation()
  const formatDate = useDateFormat('date')
  const { principle, published, working, consultation, signals } = useLoaderData<typeof loader>()
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
            {t('principles.versionLine', { version: published.number, date: formatDate(published.publishedAt), name: published.publishedBy })}
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
      <LifecyclePanel principle={principle} />
      {published ? <PublishedSection published={published} historyTo="versions" /> : null}
      {working ? (
        <WorkingCopySection
          working={working}
          heading={
            principle.status === 'consultation'
              ? t('principles.consultationText', { version: principle.publishedVersion + 1, date: formatDate(principle.consultationEndsAt ?? '') })
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
