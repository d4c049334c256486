// Comment threads with one level of replies, used by principle consultations and guideline
// drafts. Plain forms: works without JavaScript.
import { getFormProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button, FieldErrors, FormErrors } from '~/components/ui/form.tsx'
import { useDateFormat } from '~/utils/dates.ts'
import { CommentSchema } from '~/validation/schemas.ts'
import { useFreshFormKey, useResultFor } from './action-form.tsx'

type Comment = {
  id: string
  body: string
  createdAt: string | Date
  resolvedAt: string | Date | null
  author: { name: string }
  /** Consultation comments say which region (or HQ) they speak for; guideline comments don't. */
  region?: { name: string } | null
  sendBack?: boolean
  resolvedBy: { name: string } | null
}
export type Thread = Comment & { replies: Comment[] }

export function CommentView({ comment, canResolve }: { comment: Comment; canResolve: boolean }) {
  const { t } = useTranslation()
  const formatDate = useDateFormat()
  return (
    // A target for the link back after posting: focus lands on the new comment.
    <div id={`comment-${comment.id}`} tabIndex={-1} className="focus:outline-2 focus:outline-brand-700">
      <p className="text-sm text-stone-700">
        <strong className="text-stone-900">{comment.author.name}</strong>{' '}
        {comment.region !== undefined ? (
          // Who the comment speaks for: a region, or headquarters (marked apart, so HQ's answers stand out).
          <span
            className={`mr-1 rounded px-1 text-xs font-semibold ${
              comment.region ? 'border border-stone-400 text-stone-800' : 'bg-brand-800 text-white'
            }`}
          >
            {comment.region?.name ?? t('comments.hq')}
          </span>
        ) : null}
        {'· '}
        {formatDate(comment.createdAt)}
        {comment.sendBack ? <strong className="ml-2 text-amber-900">{t('guidelines.sentBack')}</strong> : null}
        {comment.resolvedAt ? (
          <span className="ml-2 rounded border border-green-800 px-1 text-xs font-semibold text-green-900">
            {t('comments.resolvedBy', { name: comment.resolvedBy?.name ?? '' })}
          </span>
        ) : null}
      </p>
      <p className="whitespace-pre-line">{comment.body}</p>
      {!comment.resolvedAt && canResolve ? (
        <Form method="post">
          <input type="hidden" name="commentId" value={comment.id} />
          <button name="intent" value="resolve-comment" className="mt-1 text-sm text-brand-800 underline">
            {t('comments.resolve')}
          </button>
        </Form>
      ) : null}
    </div>
  )
}

/** Threads with their replies; a reply form under each thread when the user may comment. */
export function CommentThreads({
  threads,
  canComment,
  canResolve,
}: {
  threads: Thread[]
  canComment: boolean
  canResolve: boolean
}) {
  const { t } = useTranslation()
  if (!threads.length) return <p className="mb-4 text-stone-700">{t('comments.empty')}</p>
  return (
    <ol className="mb-6 space-y-4">
      {threads.map((thread) => (
        <li key={thread.id} className="rounded border border-stone-300 bg-white p-3">
          <CommentView comment={thread} canResolve={canResolve} />
          {thread.replies.length ? (
            <ol className="mt-3 space-y-3 border-l-2 border-stone-300 pl-4">
              {thread.replies.map((reply) => (
                <li key={reply.id}>
                  <CommentView comment={reply} canResolve={canResolve} />
                </li>
              ))}
            </ol>
          ) : null}
          {canComment ? <CommentForm parentId={thread.id} /> : null}
        </li>
      ))}
    </ol>
  )
}

type CommentFormProps = {
  parentId?: string
  regions?: { id: string; name: string }[]
  speaksForHq?: boolean
}

/** The comment (or reply) box; empty again after a successful post. */
export function CommentForm(props: CommentFormProps) {
  return <CommentFormFields key={useFreshFormKey()} {...props} />
}

function CommentFormFields({ parentId, regions = [], speaksForHq = false }: CommentFormProps) {
  const { t } = useTranslation()
  const [form, fields] = useForm({
    id: parentId ? `reply-${parentId}` : 'comment',
    lastResult: useResultFor('comment', parentId ? { parentId } : {}),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CommentSchema }),
  })
  const label = parentId ? t('comments.reply') : t('comments.add')
  return (
    <Form
      method="post"
      {...getFormProps(form)}
      className={parentId ? 'mt-3' : 'rounded border border-stone-300 bg-white p-4'}
    >
      <FormErrors errors={form.errors} />
      {parentId ? <input type="hidden" name="parentId" value={parentId} /> : null}
      <label htmlFor={fields.body.id} className={parentId ? 'sr-only' : 'mb-1 block font-medium'}>
        {label}
      </label>
      <textarea
        {...getTextareaProps(fields.body)}
        rows={parentId ? 2 : 4}
        placeholder={parentId ? label : undefined}
        className="block w-full rounded border border-stone-400 px-3 py-2"
        aria-describedby={fields.body.errors ? `${fields.body.id}-error` : undefined}
      />
      <FieldErrors id={`${fields.body.id}-error`} errors={fields.body.errors} />
      {!parentId && (regions.length > 1 || (speaksForHq && regions.length > 0)) ? (
        <div className="mt-2">
          <label htmlFor={`${form.id}-region`} className="mb-1 block font-medium">
            {t('comments.speakingFor')}
          </label>
          <select id={`${form.id}-region`} name="regionId" className="rounded border border-stone-400 px-3 py-2">
            {speaksForHq ? <option value="">{t('comments.hq')}</option> : null}
            {regions.map((region) => (
              <option key={region.id} value={region.id}>
                {region.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <Button name="intent" value="comment" variant={parentId ? 'secondary' : 'primary'} className="mt-2">
        {label}
      </Button>
    </Form>
  )
}
