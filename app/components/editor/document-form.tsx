// Title + rich-text body form (principles, guidelines); used by editing routes only (it loads the editor).
import { getFormProps, getInputProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { JSONContent } from '@tiptap/core'
import { Form, useNavigation, type ShouldRevalidateFunction } from '@remix-run/react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { RichTextEditor } from '~/components/editor/rich-text-editor.tsx'
import { ToneFindingsInText } from '~/components/editor/tone-findings.tsx'
import type { ToneSettings } from '~/tone/checker.ts'
import { Button, Field, FormErrors } from '~/components/ui/form.tsx'
import { DocumentDraftSchema } from '~/validation/schemas.ts'

export function DocumentForm({
  title,
  body,
  revision,
  lastResult,
  submitLabel,
  placeholder,
  tone,
  frames,
}: {
  title: string
  body: JSONContent
  revision?: number
  lastResult?: SubmissionResult<string[]>
  submitLabel: string
  placeholder: string
  tone: ToneSettings
  frames?: boolean
}) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const [titleText, setTitleText] = useState(title)
  const [form, fields] = useForm({
    id: `document-${revision ?? 'new'}`,
    lastResult,
    defaultValue: { title },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DocumentDraftSchema }),
    shouldRevalidate: 'onBlur',
  })
  // A title typed before the page's script ran (a full page load on a slow phone) is checked too.
  useEffect(() => {
    const input = document.getElementById(fields.title.id)
    if (input instanceof HTMLInputElement) setTitleText(input.value)
  }, [fields.title.id])
  return (
    <Form method="post" {...getFormProps(form)} className="rounded border border-stone-300 bg-white p-5">
      <FormErrors errors={form.errors} />
      <Field
        label={t('principles.titleLabel')}
        errors={fields.title.errors}
        inputProps={{
          ...getInputProps(fields.title, { type: 'text' }),
          onInput: (event) => setTitleText(event.currentTarget.value),
        }}
      />
      <ToneFindingsInText text={titleText} tone={tone} id={`${fields.title.id}-tone`} />
      <RichTextEditor
        id={fields.body.id}
        name={fields.body.name}
        label={t('principles.body')}
        defaultValue={body}
        errors={fields.body.errors}
        placeholder={placeholder}
        tone={tone}
        frames={frames}
      />
      {revision ? <input type="hidden" name="revision" value={revision} /> : null}
      <Button type="submit" disabled={navigation.state === 'submitting'}>
        {submitLabel}
      </Button>
    </Form>
  )
}

/**
 * Editing pages do not reload their data after a writer reports to the tone check (a fetcher
 * post to /tone): a reload could remount the form with a colleague's newer text and drop the
 * writer's unsaved edits. Every other submission revalidates as usual.
 */
export const editorShouldRevalidate: ShouldRevalidateFunction = ({ formAction, defaultShouldRevalidate }) =>
  formAction?.startsWith('/tone') ? false : defaultShouldRevalidate
