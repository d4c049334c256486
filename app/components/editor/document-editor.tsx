// The editing page body shared by principles and guidelines: the form, and — after a stale
// save (409) — both texts side by side with the diff, the user's text kept in the editor.
import { useActionData, useLoaderData } from '@remix-run/react'
import type { SubmissionResult } from '@conform-to/react'
import type { JSONContent } from '@tiptap/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { DiffView } from '~/components/diff-view.tsx'
import { RichText } from '~/components/rich-text.tsx'
import { PageTitle, BackLink } from '~/components/ui/form.tsx'
import type { DiffPart } from '~/editor/diff.ts'
import type { ToneSettings } from '~/tone/checker.ts'
import { useDateFormat } from '~/utils/dates.ts'
import { DocumentForm } from './document-form.tsx'

/** The editing page of an existing principle or guideline: a note while a published one is revised, then the editor. */
export function EditDocumentPage() {
  const { t } = useTranslation()
  const document = useLoaderData<EditPageData>()
  const { messages, beside } = document
  const editor = (
    <DocumentEditor
      back={{ to: document.back, label: document.title }}
      heading={t(`${messages}.edit`)}
      notice={
        document.status === 'published' ? (
          <p className="mb-4 rounded border-l-4 border-brand-700 bg-brand-50 px-4 py-3">
            {t(`${messages}.editPublishedNote`, { version: document.publishedVersion })}
          </p>
        ) : null
      }
      title={document.title}
      body={document.body}
      revision={document.revision}
      placeholder={t(messages === 'principles' ? 'editor.placeholder' : 'guidelines.placeholder')}
      tone={document.tone}
      frames={messages === 'principles'}
    />
  )
  if (!beside) return editor
  return (
    <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
      <div>{editor}</div>
      <aside aria-labelledby="beside-title" className="self-start rounded border border-stone-300 bg-white p-4 text-sm">
        <h2 id="beside-title" className="mb-1 font-semibold">
          {t('guidelines.underPrinciple')}
        </h2>
        <p className="mb-2 font-medium">{beside.title}</p>
        <RichText html={beside.html} />
      </aside>
    </div>
  )
}
type EditPageData = {
  messages: 'principles' | 'guidelines'
  beside: { title: string; html: string } | null
  back: string
  title: string
  body: JSONContent
  revision: number
  status: string
  publishedVersion: number
  tone: ToneSettings
}

type Conflict = {
  mine: { title: string; body: unknown; html: string }
  theirs: { title: string; html: string; revision: number; updatedBy: string; updatedAt: string | Date }
  diff: DiffPart[]
}

export function DocumentEditor({
  back,
  heading,
  notice,
  title,
  body,
  revision,
  placeholder,
  tone,
  frames,
}: {
  back: { to: string; label: string }
  heading: string
  notice?: ReactNode
  title: string
  body: JSONContent
  revision: number
  placeholder: string
  tone: ToneSettings
  frames?: boolean
}) {
  const { t } = useTranslation()
  const formatDate = useDateFormat()
  const actionData = useActionData<{ conflict?: Conflict; result?: SubmissionResult<string[]> }>()
  const conflict = actionData?.conflict ?? null
  return (
    <>
      <BackLink to={back.to}>{back.label}</BackLink>
      <PageTitle>{heading}</PageTitle>
      {notice}
      {conflict ? (
        <section
          role="alert"
          aria-labelledby="conflict-title"
          className="mb-6 rounded border-2 border-red-700 bg-white p-4"
        >
          <h2 id="conflict-title" className="mb-2 text-lg font-semibold text-red-900">
            {t('principles.conflict')}
          </h2>
          <p className="mb-4">
            {t('principles.conflictExplained', {
              name: conflict.theirs.updatedBy,
              when: formatDate(conflict.theirs.updatedAt),
            })}
          </p>
          <div className="grid gap-4 md:grid-cols-2">
            <div>
              <h3 className="font-semibold">{t('principles.conflictTheirs', { name: conflict.theirs.updatedBy })}</h3>
              <p className="font-medium">{conflict.theirs.title}</p>
              <RichText html={conflict.theirs.html} className="rounded border border-stone-300 p-3" />
            </div>
            <div>
              <h3 className="font-semibold">{t('principles.conflictMine')}</h3>
              <p className="font-medium">{conflict.mine.title}</p>
              <RichText html={conflict.mine.html} className="rounded border border-stone-300 p-3" />
            </div>
          </div>
          <h3 className="mt-4 font-semibold">{t('principles.conflictDiff')}</h3>
          <DiffView parts={conflict.diff} />
          <p className="mt-4">{t('principles.conflictNext')}</p>
        </section>
      ) : null}
      <DocumentForm
        key={conflict ? `conflict-${conflict.theirs.revision}` : revision}
        title={conflict ? conflict.mine.title : title}
        body={conflict ? (conflict.mine.body as JSONContent) : body}
        revision={conflict ? conflict.theirs.revision : revision}
        lastResult={actionData?.result}
        submitLabel={conflict ? t('principles.saveMineAnyway') : t('principles.saveDraft')}
        placeholder={placeholder}
        tone={tone}
        frames={frames}
      />
    </>
  )
}
